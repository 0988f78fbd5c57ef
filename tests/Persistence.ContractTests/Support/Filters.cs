using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Filtering;

namespace AutoRfpHex.Persistence.ContractTests.Support;

/// <summary>
/// Builds filter ASTs by hand, as the parser would resolve them (canonical names; SchemaUrn only for extensions), so the
/// contract tests the store's translation and nothing else.
/// </summary>
public static class Filters
{
    /// <summary><c>userName</c>, <c>emails.value</c>, or <c>urn:...:User:employeeNumber</c>.</summary>
    public static AttributePath Path(string path)
    {
        if (path.StartsWith("urn:", StringComparison.Ordinal))
        {
            var colon = path.LastIndexOf(':');
            var (urn, rest) = (path[..colon], path[(colon + 1)..]);
            var dot = rest.IndexOf('.');
            return dot < 0 ? new AttributePath(urn, rest) : new AttributePath(urn, rest[..dot], rest[(dot + 1)..]);
        }

        var parts = path.Split('.', 2);
        return new AttributePath(null, parts[0], parts.Length > 1 ? parts[1] : null);
    }

    public static FilterNode Compare(string path, ComparisonOperator op, JsonValue? value) => new ComparisonFilter(Path(path), op, value);

    public static FilterNode Eq(string path, string value) => Compare(path, ComparisonOperator.Equal, JsonValue.Create(value));

    public static FilterNode Eq(string path, bool value) => Compare(path, ComparisonOperator.Equal, JsonValue.Create(value));

    public static FilterNode Ne(string path, string value) => Compare(path, ComparisonOperator.NotEqual, JsonValue.Create(value));

    public static FilterNode EqNull(string path) => Compare(path, ComparisonOperator.Equal, null);

    public static FilterNode NeNull(string path) => Compare(path, ComparisonOperator.NotEqual, null);

    public static FilterNode Co(string path, string value) => Compare(path, ComparisonOperator.Contains, JsonValue.Create(value));

    public static FilterNode Sw(string path, string value) => Compare(path, ComparisonOperator.StartsWith, JsonValue.Create(value));

    public static FilterNode Ew(string path, string value) => Compare(path, ComparisonOperator.EndsWith, JsonValue.Create(value));

    public static FilterNode Gt(string path, string value) => Compare(path, ComparisonOperator.GreaterThan, JsonValue.Create(value));

    public static FilterNode Ge(string path, string value) => Compare(path, ComparisonOperator.GreaterThanOrEqual, JsonValue.Create(value));

    public static FilterNode Lt(string path, string value) => Compare(path, ComparisonOperator.LessThan, JsonValue.Create(value));

    public static FilterNode Le(string path, string value) => Compare(path, ComparisonOperator.LessThanOrEqual, JsonValue.Create(value));

    public static FilterNode Pr(string path) => Compare(path, ComparisonOperator.Present, null);

    public static FilterNode And(FilterNode left, FilterNode right) => new AndFilter(left, right);

    public static FilterNode Or(FilterNode left, FilterNode right) => new OrFilter(left, right);

    public static FilterNode Not(FilterNode inner) => new NotFilter(inner);

    /// <summary><c>attribute[filter]</c>; paths inside are full paths (<c>emails.type</c>).</summary>
    public static FilterNode Where(string attribute, FilterNode filter) => new ValuePathFilter(Path(attribute), filter);
}
