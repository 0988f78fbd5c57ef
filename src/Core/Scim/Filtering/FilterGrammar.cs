namespace AutoRfpHex.Core.Scim.Filtering;

/// <summary>
/// Recursive descent over RFC 7644 §3.4.2.2: <c>or</c> binds loosest, then <c>and</c>, then <c>not (...)</c>,
/// grouping and attribute expressions. Recursion happens only through '(' and '[', which
/// <see cref="ScimFilterParser.MaxDepth"/> bounds, so hostile input cannot exhaust the stack.
/// </summary>
internal sealed class FilterGrammar(List<FilterToken> tokens, PathScope scope)
{
    private int _next;
    private int _depth;

    private FilterToken Peek => tokens[_next];

    public FilterNode ParseFilter()
    {
        if (Peek.Kind == FilterTokenKind.End)
        {
            throw FilterErrors.Invalid("The filter is empty.");
        }

        var filter = ParseOr(null);
        var extra = Peek;
        return extra.Kind switch
        {
            FilterTokenKind.End => filter,
            FilterTokenKind.CloseParen => throw FilterErrors.Invalid($"Unbalanced ')' at position {extra.Position}: no '(' is open."),
            FilterTokenKind.CloseBracket => throw FilterErrors.Invalid($"Unbalanced ']' at position {extra.Position}: no '[' is open."),
            _ => throw FilterErrors.Invalid($"Expected 'and', 'or' or the end of the filter {FilterErrors.Found(extra)}."),
        };
    }

    /// <param name="outer">The attribute whose brackets we are inside, or null at the top level.</param>
    private FilterNode ParseOr(ResolvedPath? outer)
    {
        var left = ParseAnd(outer);
        while (Peek.IsWord("or"))
        {
            _next++;
            left = new OrFilter(left, ParseAnd(outer));
        }

        return left;
    }

    private FilterNode ParseAnd(ResolvedPath? outer)
    {
        var left = ParseUnary(outer);
        while (Peek.IsWord("and"))
        {
            _next++;
            left = new AndFilter(left, ParseUnary(outer));
        }

        return left;
    }

    private FilterNode ParseUnary(ResolvedPath? outer)
    {
        var token = Peek;
        if (token.Kind == FilterTokenKind.OpenParen)
        {
            return ParseGroup(outer);
        }

        if (token.IsWord("not"))
        {
            _next++;
            return Peek.Kind == FilterTokenKind.OpenParen
                ? new NotFilter(ParseGroup(outer))
                : throw FilterErrors.Invalid($"Expected '(' after 'not' {FilterErrors.Found(Peek)}: write not (expression).");
        }

        if (token.Kind == FilterTokenKind.Word && !FilterKeywords.IsKeyword(token.Text))
        {
            return new AttributeExpressionParser(this, scope).Parse(outer);
        }

        var expected = outer is null ? "an attribute path, '(' or 'not'" : $"a sub-attribute of '{outer.Attribute.Name}', '(' or 'not'";
        throw FilterErrors.Invalid($"Expected {expected} {FilterErrors.Found(token)}.");
    }

    private FilterNode ParseGroup(ResolvedPath? outer)
    {
        var open = Take();
        Enter(open);
        var inner = ParseOr(outer);
        var close = Take();
        if (close.Kind != FilterTokenKind.CloseParen)
        {
            throw close.Kind == FilterTokenKind.End
                ? FilterErrors.Invalid($"Missing ')' to close the '(' at position {open.Position}.")
                : FilterErrors.Invalid($"Expected 'and', 'or' or ')' {FilterErrors.Found(close)} (inside the '(' at position {open.Position}).");
        }

        _depth--;
        return inner;
    }

    /// <summary>Parses the bracketed filter of a value path; the caller has checked that '[' is next.</summary>
    internal FilterNode ParseValueFilter(ResolvedPath outer)
    {
        var open = Take();
        Enter(open);
        var inner = ParseOr(outer);
        var close = Take();
        if (close.Kind != FilterTokenKind.CloseBracket)
        {
            throw close.Kind switch
            {
                FilterTokenKind.End => FilterErrors.Invalid($"Missing ']' to close the '[' at position {open.Position}."),
                FilterTokenKind.OpenBracket => AttributeExpressionParser.NestedValueFilter(outer, close),
                _ => FilterErrors.Invalid($"Expected 'and', 'or' or ']' {FilterErrors.Found(close)} (inside the '[' at position {open.Position})."),
            };
        }

        _depth--;
        return inner;
    }

    internal FilterToken Take() => tokens[_next == tokens.Count - 1 ? _next : _next++];

    internal FilterToken PeekToken() => Peek;

    private void Enter(FilterToken open)
    {
        if (++_depth > ScimFilterParser.MaxDepth)
        {
            throw FilterErrors.Invalid($"The filter nests deeper than {ScimFilterParser.MaxDepth} levels at position {open.Position}.");
        }
    }
}
