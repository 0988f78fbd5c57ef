using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Filtering;

/// <summary>
/// <c>attrPath op value</c>, <c>attrPath pr</c>, <c>attr[valFilter]</c> and Entra's <c>attr[valFilter].sub op value</c>,
/// which becomes <c>attr[valFilter and sub op value]</c>: the same element must satisfy both (what Entra means).
/// </summary>
internal sealed class AttributeExpressionParser(FilterGrammar grammar, PathScope scope)
{
    public FilterNode Parse(ResolvedPath? outer)
    {
        var pathToken = grammar.Take();
        var where = FilterErrors.At(pathToken);
        if (outer is not null && grammar.PeekToken().Kind == FilterTokenKind.OpenBracket)
        {
            throw NestedValueFilter(outer, grammar.PeekToken());
        }

        var path = outer is null
            ? AttributePathResolver.Resolve(pathToken.Text, scope, where, ScimErrorTypes.InvalidFilter)
            : AttributePathResolver.ResolveSubAttribute(outer, pathToken.Text, where, ScimErrorTypes.InvalidFilter);

        var next = grammar.PeekToken();
        return next.Kind == FilterTokenKind.OpenBracket
            ? ParseValuePath(path, pathToken, next)
            : ParseComparison(path, pathToken);
    }

    private FilterNode ParseValuePath(ResolvedPath path, FilterToken pathToken, FilterToken open)
    {
        if (path.SubAttribute is not null || path.Attribute.Type != ScimAttributeType.Complex)
        {
            throw FilterErrors.Invalid(
                $"A value filter '[...]' at position {open.Position} must follow a complex attribute such as 'emails', not {pathToken.Describe()}.");
        }

        // meta is one object of record fields; a value filter over it says nothing 'meta.created gt ...' does not.
        if (path.Path is { SchemaUrn: null, Attribute: "meta" })
        {
            throw FilterErrors.Invalid($"'meta' at position {pathToken.Position} takes no value filter: compare its sub-attributes directly (e.g. meta.lastModified gt \"2026-01-01T00:00:00Z\").");
        }

        var inner = grammar.ParseValueFilter(path);
        var after = grammar.PeekToken();
        if (after.Kind != FilterTokenKind.Word || !after.Text.StartsWith('.'))
        {
            return new ValuePathFilter(path.Path, inner);
        }

        grammar.Take();
        var sub = AttributePathResolver.ResolveSubAttribute(path, after.Text[1..], FilterErrors.At(after), ScimErrorTypes.InvalidFilter);
        return new ValuePathFilter(path.Path, new AndFilter(inner, ParseComparison(sub, after)));
    }

    private ComparisonFilter ParseComparison(ResolvedPath path, FilterToken pathToken)
    {
        var opToken = grammar.Take();
        if (opToken.Kind != FilterTokenKind.Word || FilterKeywords.IsLogical(opToken.Text))
        {
            throw FilterErrors.Invalid($"Expected a comparison operator after {pathToken.Describe()} {FilterErrors.Found(opToken)}.");
        }

        if (!FilterKeywords.TryGetOperator(opToken.Text, out var op))
        {
            throw FilterErrors.Invalid(
                $"Unknown operator {opToken.Describe()} after {pathToken.Describe()} {FilterErrors.At(opToken)}; expected one of {FilterKeywords.OperatorList}.");
        }

        if (op == ComparisonOperator.Present)
        {
            var extra = grammar.PeekToken();
            if (extra.Kind == FilterTokenKind.String || (extra.Kind == FilterTokenKind.Word && !FilterKeywords.IsKeyword(extra.Text)))
            {
                throw FilterErrors.Invalid($"'pr' takes no value, but {extra.Describe()} follows it {FilterErrors.At(extra)}.");
            }

            return new ComparisonFilter(path.Path, op, null);
        }

        path = AttributePathResolver.Comparable(path, FilterErrors.At(pathToken), ScimErrorTypes.InvalidFilter);
        var valueToken = grammar.Take();
        var literal = FilterLiteral.From(valueToken)
            ?? throw FilterErrors.Invalid($"Expected a value after {opToken.Describe()} {FilterErrors.Found(valueToken)}"
                + (valueToken.Kind == FilterTokenKind.Word ? $"; quote it to compare with the text \"{valueToken.Text}\"." : "."));
        return new ComparisonFilter(path.Path, op, FilterValueBinder.Bind(path, op, literal, valueToken));
    }

    internal static ScimException NestedValueFilter(ResolvedPath outer, FilterToken open) =>
        FilterErrors.Invalid($"Nested value filter at position {open.Position}: brackets cannot appear inside '{outer.Attribute.Name}[...]'.");
}
