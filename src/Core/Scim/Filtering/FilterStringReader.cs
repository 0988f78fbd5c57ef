using System.Globalization;
using System.Text;

namespace AutoRfpHex.Core.Scim.Filtering;

/// <summary>
/// Reads a JSON string (RFC 8259 §7) starting at a quote, decoding every escape, so
/// <c>"Team \"Blue\" \\ Ops"</c> reaches the AST as <c>Team "Blue" \ Ops</c>. Surrogate pairs may be escaped
/// (<c>\uD83D\uDE00</c>) or literal; a lone surrogate is refused.
/// </summary>
internal static class FilterStringReader
{
    public static FilterToken Read(string filter, int start)
    {
        var value = new StringBuilder();
        var i = start + 1;
        while (i < filter.Length)
        {
            var c = filter[i];
            if (c == '"')
            {
                return new FilterToken(FilterTokenKind.String, filter[start..(i + 1)], value.ToString(), start, i + 1 - start);
            }

            if (c != '\\')
            {
                value.Append(c);
                i++;
                continue;
            }

            i = ReadEscape(filter, i, value);
        }

        throw FilterErrors.Invalid($"Unterminated string starting at position {start}: a closing '\"' is missing.");
    }

    /// <returns>The index just after the escape sequence starting at <paramref name="backslash"/>.</returns>
    private static int ReadEscape(string filter, int backslash, StringBuilder value)
    {
        if (backslash + 1 >= filter.Length)
        {
            throw FilterErrors.Invalid($"Unterminated escape sequence at position {backslash}: '\\' ends the filter.");
        }

        var simple = filter[backslash + 1] switch
        {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            _ => (char?)null,
        };
        if (simple is { } decoded)
        {
            value.Append(decoded);
            return backslash + 2;
        }

        if (filter[backslash + 1] != 'u')
        {
            throw FilterErrors.Invalid(
                $"Invalid escape sequence '\\{filter[backslash + 1]}' at position {backslash}; JSON strings allow \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX.");
        }

        var unit = ReadHex4(filter, backslash);
        if (char.IsLowSurrogate(unit))
        {
            throw FilterErrors.Invalid($"Invalid escape sequence at position {backslash}: \\u{(int)unit:X4} is a low surrogate without a high surrogate before it.");
        }

        if (!char.IsHighSurrogate(unit))
        {
            value.Append(unit);
            return backslash + 6;
        }

        // A code point above U+FFFF arrives as a surrogate pair of two \u escapes.
        var next = backslash + 6;
        if (next + 1 >= filter.Length || filter[next] != '\\' || filter[next + 1] != 'u' || !char.IsLowSurrogate(ReadHex4(filter, next)))
        {
            throw FilterErrors.Invalid($"Invalid escape sequence at position {backslash}: \\u{(int)unit:X4} is a high surrogate not followed by a \\u escape of a low surrogate.");
        }

        value.Append(unit).Append(ReadHex4(filter, next));
        return next + 6;
    }

    private static char ReadHex4(string filter, int backslash)
    {
        var digits = backslash + 6 <= filter.Length ? filter.Substring(backslash + 2, 4) : filter[(backslash + 2)..];
        if (digits.Length < 4 || !digits.All(char.IsAsciiHexDigit))
        {
            throw FilterErrors.Invalid($"Invalid escape sequence at position {backslash}: \\u must be followed by four hexadecimal digits.");
        }

        return (char)int.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }
}
