using System.Globalization;
using System.Text;

namespace AutoRfpHex.Core.Scim.Filtering;

/// <summary>
/// Splits a filter into tokens. Strings follow JSON (RFC 8259 §7): every escape is decoded here, so
/// <c>"Team \"Blue\" \\ Ops"</c> reaches the AST as <c>Team "Blue" \ Ops</c>. Anything else that is not
/// whitespace, a parenthesis, a bracket or a quote runs into one word, classified later by the grammar.
/// </summary>
internal static class FilterTokenizer
{
    public static List<FilterToken> Tokenize(string filter)
    {
        RejectUnpairedSurrogates(filter);
        var tokens = new List<FilterToken>();
        var i = 0;
        while (true)
        {
            while (i < filter.Length && IsWhitespace(filter[i]))
            {
                i++;
            }

            if (i == filter.Length)
            {
                tokens.Add(new FilterToken(FilterTokenKind.End, string.Empty, string.Empty, i, 0));
                return tokens;
            }

            var token = filter[i] switch
            {
                '(' => Single(FilterTokenKind.OpenParen, filter, i),
                ')' => Single(FilterTokenKind.CloseParen, filter, i),
                '[' => Single(FilterTokenKind.OpenBracket, filter, i),
                ']' => Single(FilterTokenKind.CloseBracket, filter, i),
                '"' => ReadString(filter, i),
                _ => ReadWord(filter, i),
            };
            tokens.Add(token);
            i = token.EndPosition;
        }
    }

    // RFC 7644 separates tokens with SP; tabs and line breaks are tolerated, other Unicode spaces are not separators.
    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool EndsWord(char c) => IsWhitespace(c) || c is '(' or ')' or '[' or ']' or '"';

    private static FilterToken Single(FilterTokenKind kind, string filter, int i) => new(kind, filter[i].ToString(), string.Empty, i, 1);

    private static FilterToken ReadWord(string filter, int start)
    {
        var end = start;
        while (end < filter.Length && !EndsWord(filter[end]))
        {
            end++;
        }

        var text = filter[start..end];
        return new FilterToken(FilterTokenKind.Word, text, text, start, end - start);
    }

    private static FilterToken ReadString(string filter, int start)
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

    // A lone surrogate is not text: it cannot be stored as UTF-8 or compared meaningfully.
    private static void RejectUnpairedSurrogates(string filter)
    {
        for (var i = 0; i < filter.Length; i++)
        {
            if (char.IsHighSurrogate(filter[i]) && i + 1 < filter.Length && char.IsLowSurrogate(filter[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(filter[i]))
            {
                throw FilterErrors.Invalid($"Invalid character at position {i}: an unpaired UTF-16 surrogate (U+{(int)filter[i]:X4}) is not text.");
            }
        }
    }
}
