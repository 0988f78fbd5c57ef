using AutoRfpHex.Core.Scim.Filtering;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

/// <summary>
/// Prints a filter tree as an unambiguous S-expression, so tests can assert the exact shape:
/// <c>(or {id eq "a"} (and {userName pr} (not {active eq true})))</c>, value paths as <c>emails[...]</c>.
/// </summary>
internal static class FilterRenderer
{
    public static string Render(FilterNode node) => node switch
    {
        AndFilter and => $"(and {Render(and.Left)} {Render(and.Right)})",
        OrFilter or => $"(or {Render(or.Left)} {Render(or.Right)})",
        NotFilter not => $"(not {Render(not.Inner)})",
        ValuePathFilter valuePath => $"{valuePath.Path}[{Render(valuePath.Filter)}]",
        ComparisonFilter { Operator: ComparisonOperator.Present } c => $"{{{c.Path} pr}}",
        ComparisonFilter c => $"{{{c.Path} {Keyword(c.Operator)} {c.Value?.ToJsonString() ?? "null"}}}",
        _ => throw new ArgumentException(node.GetType().Name),
    };

    private static string Keyword(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "eq",
        ComparisonOperator.NotEqual => "ne",
        ComparisonOperator.Contains => "co",
        ComparisonOperator.StartsWith => "sw",
        ComparisonOperator.EndsWith => "ew",
        ComparisonOperator.Present => "pr",
        ComparisonOperator.GreaterThan => "gt",
        ComparisonOperator.GreaterThanOrEqual => "ge",
        ComparisonOperator.LessThan => "lt",
        _ => "le",
    };
}
