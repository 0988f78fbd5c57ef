namespace AutoRfpHex.Core.Scim.Filtering;

/// <summary>
/// Splits a filter into tokens: parentheses, brackets, JSON strings (<see cref="FilterStringReader"/>) and words.
/// Anything that is not whitespace, a parenthesis, a bracket or a quote runs into one word, classified later by the grammar.
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
                '"' => FilterStringReader.Read(filter, i),
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
