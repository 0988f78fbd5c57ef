using System.Globalization;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Filtering;

/// <summary>
/// Checks a comparison against the attribute's type (RFC 7644 §3.4.2.2) and turns the literal into the AST's value:
/// strings as JSON strings, numbers as doubles, booleans as booleans, dateTimes as strings in
/// <see cref="ScimDateTime.Format"/>'s canonical form, null as a null <see cref="JsonValue"/>.
/// </summary>
internal static class FilterValueBinder
{
    public static JsonValue? Bind(ResolvedPath path, ComparisonOperator op, FilterLiteral literal, FilterToken valueToken)
    {
        var leaf = path.Leaf;
        var keyword = FilterKeywords.Keyword(op);
        var subject = $"'{keyword}' on '{path.Name}' ({Describe(leaf.Type)})";
        if (literal.Kind == LiteralKind.Null)
        {
            return op is ComparisonOperator.Equal or ComparisonOperator.NotEqual
                ? null
                : throw Fail($"{subject} cannot compare with null {FilterErrors.At(valueToken)}; only 'eq null' and 'ne null' are allowed.");
        }

        if (op is ComparisonOperator.Contains or ComparisonOperator.StartsWith or ComparisonOperator.EndsWith && !IsText(leaf.Type))
        {
            throw Fail($"{subject} is not allowed: '{keyword}' applies to string attributes only.");
        }

        if (op is ComparisonOperator.GreaterThan or ComparisonOperator.GreaterThanOrEqual or ComparisonOperator.LessThan or ComparisonOperator.LessThanOrEqual
            && leaf.Type is ScimAttributeType.Boolean or ScimAttributeType.Binary or ScimAttributeType.Complex)
        {
            throw Fail($"{subject} is not allowed: ordering comparisons apply to strings, numbers and dateTimes.");
        }

        return leaf.Type switch
        {
            ScimAttributeType.Boolean => BindBoolean(literal, subject, valueToken),
            ScimAttributeType.Integer or ScimAttributeType.Decimal => BindNumber(literal, leaf.Type, subject, valueToken),
            ScimAttributeType.DateTime => BindDateTime(literal, subject, valueToken),
            ScimAttributeType.Complex => throw Fail($"{subject} is not allowed: compare one of its sub-attributes."),
            _ => literal.Kind == LiteralKind.String
                ? JsonValue.Create(literal.Text)
                : throw Fail($"{subject} needs a string {FilterErrors.At(valueToken)}, found {literal.Kind.ToString().ToLowerInvariant()} {valueToken.Describe()}; quote the value: \"{literal.Text}\"."),
        };
    }

    public static bool IsText(ScimAttributeType type) => type is ScimAttributeType.String or ScimAttributeType.Reference or ScimAttributeType.Binary;

    // Entra sends booleans as strings elsewhere ("False" in PATCH); a quoted "true"/"false" has only one meaning here.
    private static JsonValue BindBoolean(FilterLiteral literal, string subject, FilterToken token) => literal.Kind switch
    {
        LiteralKind.True => JsonValue.Create(true),
        LiteralKind.False => JsonValue.Create(false),
        LiteralKind.String when !literal.Bare && bool.TryParse(literal.Text, out var parsed) && literal.Text.Trim() == literal.Text => JsonValue.Create(parsed),
        _ => throw Fail($"{subject} needs true or false {FilterErrors.At(token)}, found {token.Describe()}."),
    };

    private static JsonValue BindNumber(FilterLiteral literal, ScimAttributeType type, string subject, FilterToken token)
    {
        if (literal.Kind != LiteralKind.Number)
        {
            throw Fail($"{subject} needs a number {FilterErrors.At(token)}, found {token.Describe()}.");
        }

        var number = double.Parse(literal.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(number))
        {
            throw Fail($"The number {token.Describe()} {FilterErrors.At(token)} is out of range.");
        }

        if (type == ScimAttributeType.Integer && Math.Floor(number) != number)
        {
            throw Fail($"{subject} needs an integer {FilterErrors.At(token)}, found {token.Describe()}.");
        }

        return JsonValue.Create(number);
    }

    private static JsonValue BindDateTime(FilterLiteral literal, string subject, FilterToken token) =>
        literal.Kind == LiteralKind.String && ScimDateTime.TryParse(literal.Text, out var instant)
            ? JsonValue.Create(ScimDateTime.Format(instant))
            : throw Fail($"{subject} needs a dateTime such as \"2026-01-01T00:00:00Z\" {FilterErrors.At(token)}, found {token.Describe()}.");

    private static string Describe(ScimAttributeType type) => type switch
    {
        ScimAttributeType.DateTime => "a dateTime attribute",
        ScimAttributeType.Integer => "an integer attribute",
        _ => "a " + type.ToString().ToLowerInvariant() + " attribute",
    };

    private static ScimException Fail(string detail) => FilterErrors.Invalid(detail);
}
