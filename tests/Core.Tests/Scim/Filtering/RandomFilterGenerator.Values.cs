using System.Globalization;
using System.Text;
using static AutoRfpHex.Core.Tests.Scim.Filtering.ScimTestVocabulary;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

/// <summary>How <see cref="RandomFilterGenerator"/> writes values, keywords and names: the textual variety a parser must take.</summary>
public sealed partial class RandomFilterGenerator
{
    // A non-empty run of whole UTF-16 units that never splits a surrogate pair.
    private string Slice(string text, int? start, int? end)
    {
        var s = start ?? _random.Next(text.Length);
        var e = end ?? _random.Next(s + 1, text.Length + 1);
        if (s > 0 && char.IsLowSurrogate(text[s]))
        {
            s--;
        }

        if (e < text.Length && char.IsLowSurrogate(text[e]))
        {
            e++;
        }

        return text[s..e];
    }

    private string Literal(string value)
    {
        var bare = value.Length > 0 && char.IsAsciiLetter(value[0]) && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '@' or '.' or '-' or '_')
            && value.ToLowerInvariant() is not ("and" or "or" or "not" or "true" or "false" or "null" or "eq" or "ne" or "co" or "sw" or "ew" or "pr" or "gt" or "ge" or "lt" or "le");
        if (bare && _random.Next(10) == 0)
        {
            return value;
        }

        var json = new StringBuilder("\"");
        foreach (var rune in value.EnumerateRunes())
        {
            json.Append(rune.Value switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '/' when _random.Next(2) == 0 => "\\/",
                > 0x7F when _random.Next(3) == 0 => Escape(rune),
                _ => rune.ToString(),
            });
        }

        return json.Append('"').ToString();
    }

    // \uXXXX per UTF-16 unit: a character above U+FFFF becomes a surrogate pair of escapes.
    private static string Escape(Rune rune)
    {
        Span<char> units = stackalloc char[2];
        var length = rune.EncodeToUtf16(units);
        return string.Concat(units[..length].ToArray().Select(u => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)u:x4}")));
    }

    private string MixUrn(string urn) => _random.Next(4) == 0 ? urn.ToUpperInvariant() : urn;

    private string Email() => $"{Pick(["alice", "Bob", "ZOE", "user"])}{_random.Next(300)}.{_random.Next(3)}@{Pick(Domains)}";

    private string Bool() => Pick(["true", "false", "True", "FALSE", "\"true\"", "\"False\""]);

    private string Time()
    {
        var instant = EarliestTime + TimeSpan.FromSeconds(_random.NextDouble() * TimeSpread.TotalSeconds * 1.1 - TimeSpan.FromDays(30).TotalSeconds);
        var offset = TimeSpan.FromMinutes(Pick([0, 0, 60, -300, 330, 840, -720]));
        var local = instant.ToOffset(offset);
        var fraction = Pick(["", ".5", ".123", ".1234567", ".123456789"]);
        var zone = offset == TimeSpan.Zero ? Pick(["Z", "z", "+00:00", ""]) : local.ToString("zzz", CultureInfo.InvariantCulture);
        return local.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture) + fraction + zone;
    }

    private string Keyword(string keyword) => _random.Next(10) switch
    {
        < 2 => keyword.ToUpperInvariant(),
        2 => char.ToUpperInvariant(keyword[0]) + keyword[1..],
        _ => keyword,
    };

    private string MixCase(string name) => _random.Next(10) switch
    {
        < 2 => name.ToUpperInvariant(),
        < 4 => name.ToLowerInvariant(),
        _ => name,
    };

    private string Space() => _random.Next(20) == 0 ? "  " : " ";

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
