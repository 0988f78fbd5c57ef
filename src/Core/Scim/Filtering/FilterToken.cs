namespace AutoRfpHex.Core.Scim.Filtering;

internal enum FilterTokenKind
{
    /// <summary>A run of characters other than whitespace, parentheses, brackets and quotes: a path, keyword or bare value.</summary>
    Word,

    /// <summary>A JSON string; <see cref="FilterToken.Value"/> holds the decoded text.</summary>
    String,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    End,
}

/// <param name="Position">0-based offset of the token's first character in the filter.</param>
/// <param name="Length">Number of source characters the token spans.</param>
internal sealed record FilterToken(FilterTokenKind Kind, string Text, string Value, int Position, int Length)
{
    public int EndPosition => Position + Length;

    public bool IsWord(string keyword) =>
        Kind == FilterTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>How error details show the token: quoted source text, shortened when long.</summary>
    public string Describe() => Kind switch
    {
        FilterTokenKind.End => "the end of the filter",
        _ => "'" + (Text.Length > 40 ? Text[..40] + "…" : Text) + "'",
    };
}
