using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Filtering;

/// <summary>One stored value against one filter value, by the attribute's type. Mistyped stored values never match.</summary>
internal static class ValueMatcher
{
    public static bool Matches(JsonNode? stored, ComparisonOperator op, JsonValue value, ScimAttributeDefinition leaf)
    {
        if (FilterValueBinder.IsText(leaf.Type))
        {
            return JsonScalars.TryGetString(stored, out var s) && JsonScalars.TryGetString(value, out var v)
                && MatchesText(ScimStringComparison.Fold(s, leaf.CaseExact), op, ScimStringComparison.Fold(v, leaf.CaseExact));
        }

        return leaf.Type switch
        {
            ScimAttributeType.Boolean => op == ComparisonOperator.Equal
                && JsonScalars.TryGetBoolean(stored, out var b) && JsonScalars.TryGetBoolean(value, out var vb) && b == vb,
            ScimAttributeType.Integer or ScimAttributeType.Decimal =>
                JsonScalars.TryGetNumber(stored, out var n) && JsonScalars.TryGetNumber(value, out var vn) && Ordered(n.CompareTo(vn), op),
            ScimAttributeType.DateTime =>
                JsonScalars.TryGetInstant(stored, out var t) && JsonScalars.TryGetInstant(value, out var vt) && Ordered(t.CompareTo(vt), op),
            _ => false,
        };
    }

    private static bool MatchesText(string stored, ComparisonOperator op, string value) => op switch
    {
        ComparisonOperator.Contains => stored.Contains(value, StringComparison.Ordinal),
        ComparisonOperator.StartsWith => stored.StartsWith(value, StringComparison.Ordinal),
        ComparisonOperator.EndsWith => stored.EndsWith(value, StringComparison.Ordinal),
        ComparisonOperator.Equal => string.Equals(stored, value, StringComparison.Ordinal),
        _ => Ordered(ScimStringComparison.CompareCodePoints(stored, value), op),
    };

    private static bool Ordered(int comparison, ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => comparison == 0,
        ComparisonOperator.GreaterThan => comparison > 0,
        ComparisonOperator.GreaterThanOrEqual => comparison >= 0,
        ComparisonOperator.LessThan => comparison < 0,
        ComparisonOperator.LessThanOrEqual => comparison <= 0,
        _ => false,
    };
}
