using System.Text;

namespace AutoRfpHex.Adapters.Sqlite.Scim.Filtering;

/// <summary>
/// <c>sw</c> as an ordered range, so an index on the value serves it: a text starts with a prefix exactly when it is at
/// least the prefix and below the prefix's successor (the prefix with its last code point raised by one), in SQLite's
/// BINARY order, which is UTF-8 byte order, i.e. code point order. The exact <c>scim_starts_with</c> test stays beside it.
/// </summary>
internal static class PrefixRange
{
    /// <param name="value">The SQL of the (folded) stored value.</param>
    /// <param name="prefixParameter">The parameter already holding <paramref name="prefix"/>.</param>
    public static string Of(string value, string prefixParameter, string prefix, SqlParameters parameters) =>
        Successor(prefix) is { } successor
            ? $"{value} >= {prefixParameter} AND {value} < {parameters.Add(successor)}"
            : $"{value} >= {prefixParameter}";

    /// <summary>The least text above every text starting with <paramref name="prefix"/>; null when there is none ("" or only U+10FFFF).</summary>
    public static string? Successor(string prefix)
    {
        // As SQLite receives it: text is bound as UTF-8, where an unpaired surrogate becomes U+FFFD.
        var runes = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(prefix)).EnumerateRunes().ToList();
        while (runes.Count > 0)
        {
            var last = runes[^1].Value;
            runes.RemoveAt(runes.Count - 1);
            if (last < 0x10FFFF)
            {
                runes.Add(new Rune(last + 1 == 0xD800 ? 0xE000 : last + 1)); // surrogates are not code points of text
                return string.Concat(runes);
            }
        }

        return null;
    }
}
