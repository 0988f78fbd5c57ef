using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Paths;

/// <summary>
/// Evaluates a value filter against one value of a multi-valued attribute. Strings compare case-insensitively
/// unless the sub-attribute is caseExact (RFC 7643 §2.2); a missing sub-attribute matches only <c>ne</c>.
/// </summary>
internal static class ElementFilterMatcher
{
    public static bool Matches(FilterNode filter, ScimAttributeDefinition attribute, JsonObject element) => filter switch
    {
        AndFilter and => Matches(and.Left, attribute, element) && Matches(and.Right, attribute, element),
        OrFilter or => Matches(or.Left, attribute, element) || Matches(or.Right, attribute, element),
        NotFilter not => !Matches(not.Inner, attribute, element),
        ComparisonFilter comparison => Compare(comparison, attribute, element),
        _ => false,
    };

    private static bool Compare(ComparisonFilter filter, ScimAttributeDefinition attribute, JsonObject element)
    {
        var sub = filter.Path.SubAttribute is { } name ? attribute.FindSubAttribute(name) : null;
        var actual = sub is null ? null : element[sub.Name] as JsonValue;
        if (filter.Operator == ComparisonOperator.Present)
        {
            return actual is not null && !(actual.TryGetValue(out string? s) && s.Length == 0);
        }

        if (actual is null || filter.Value is null)
        {
            var bothNull = actual is null && filter.Value is null;
            return filter.Operator switch
            {
                ComparisonOperator.Equal => bothNull,
                ComparisonOperator.NotEqual => !bothNull,
                _ => false,
            };
        }

        var order = Order(actual, filter.Value, sub!.CaseExact);
        return filter.Operator switch
        {
            ComparisonOperator.Equal => order == 0,
            ComparisonOperator.NotEqual => order != 0,
            ComparisonOperator.GreaterThan => order > 0,
            ComparisonOperator.GreaterThanOrEqual => order >= 0,
            ComparisonOperator.LessThan => order is < 0 and not int.MinValue,
            ComparisonOperator.LessThanOrEqual => order is <= 0 and not int.MinValue,
            _ => Substring(filter.Operator, actual, filter.Value, sub.CaseExact),
        };
    }

    /// <summary>Sign of actual compared with expected; <see cref="int.MinValue"/> when the kinds differ.</summary>
    private static int Order(JsonValue actual, JsonValue expected, bool caseExact)
    {
        if (actual.TryGetValue(out string? a) && expected.TryGetValue(out string? e))
        {
            return Math.Sign(string.Compare(a, e, caseExact ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase));
        }

        if (actual.GetValueKind() is JsonValueKind.True or JsonValueKind.False && expected.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return actual.GetValue<bool>() == expected.GetValue<bool>() ? 0 : int.MinValue;
        }

        if (actual.GetValueKind() == JsonValueKind.Number && expected.GetValueKind() == JsonValueKind.Number)
        {
            return Number(actual).CompareTo(Number(expected));
        }

        return int.MinValue;
    }

    private static decimal Number(JsonValue value) => decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool Substring(ComparisonOperator op, JsonValue actual, JsonValue expected, bool caseExact)
    {
        if (!actual.TryGetValue(out string? a) || !expected.TryGetValue(out string? e))
        {
            return false;
        }

        var comparison = caseExact ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return op switch
        {
            ComparisonOperator.Contains => a.Contains(e, comparison),
            ComparisonOperator.StartsWith => a.StartsWith(e, comparison),
            ComparisonOperator.EndsWith => a.EndsWith(e, comparison),
            _ => false,
        };
    }
}
