using System.Text.RegularExpressions;

namespace AutoRfpHex.Core.Scim.Filtering;

internal enum LiteralKind
{
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>A comparison value as written: a JSON string (decoded), a number, true/false/null, or a bare legacy word.</summary>
/// <param name="Text">The decoded string, or the number's source text.</param>
/// <param name="Bare">True for an unquoted word read as a string (Entra's legacy <c>externalId eq bob</c>).</param>
internal sealed partial record FilterLiteral(LiteralKind Kind, string Text, bool Bare)
{
    // RFC 8259 §6 number grammar.
    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();

    /// <summary>
    /// Reads a value token. A bare word is true/false/null (any case), else a JSON number when it matches the
    /// number grammar exactly, else (when it is no keyword of the grammar) a string: legacy clients send
    /// <c>externalId eq bob</c> or <c>meta.created gt 2015-10-10T14:38:21.86-07:00</c>, and no other reading exists.
    /// </summary>
    public static FilterLiteral? From(FilterToken token)
    {
        if (token.Kind == FilterTokenKind.String)
        {
            return new FilterLiteral(LiteralKind.String, token.Value, false);
        }

        if (token.Kind != FilterTokenKind.Word || FilterKeywords.IsKeyword(token.Text))
        {
            return null;
        }

        return token.Text.ToLowerInvariant() switch
        {
            "true" => new FilterLiteral(LiteralKind.True, token.Text, false),
            "false" => new FilterLiteral(LiteralKind.False, token.Text, false),
            "null" => new FilterLiteral(LiteralKind.Null, token.Text, false),
            _ when JsonNumber().IsMatch(token.Text) => new FilterLiteral(LiteralKind.Number, token.Text, false),
            _ => new FilterLiteral(LiteralKind.String, token.Text, true),
        };
    }
}
