using System.Text.Json.Nodes;

namespace AutoRfpHex.Core.Scim.Filtering;

/// <summary>
/// The parsed form of an RFC 7644 §3.4.2.2 filter. Paths are resolved against the resource type's schemas
/// (canonical names), so every executor (the in-memory evaluator, each store's translator) sees the same tree.
/// </summary>
public abstract record FilterNode;

public sealed record AndFilter(FilterNode Left, FilterNode Right) : FilterNode;

public sealed record OrFilter(FilterNode Left, FilterNode Right) : FilterNode;

public sealed record NotFilter(FilterNode Inner) : FilterNode;

/// <summary>
/// <c>path op value</c>. <see cref="Value"/> is a JSON string, number, boolean, or null (JSON null);
/// it is null for <see cref="ComparisonOperator.Present"/>. A path through a multi-valued attribute
/// matches when any element matches.
/// </summary>
public sealed record ComparisonFilter(AttributePath Path, ComparisonOperator Operator, JsonValue? Value) : FilterNode;

/// <summary>
/// <c>attr[filter]</c>: true when one element of the multi-valued <see cref="Path"/> satisfies
/// <see cref="Filter"/>. Paths inside <see cref="Filter"/> are full paths (attribute plus sub-attribute),
/// evaluated against that one element. Entra's <c>emails[type eq "work"].value eq "x"</c> parses to
/// <c>emails[type eq "work" and value eq "x"]</c>.
/// </summary>
public sealed record ValuePathFilter(AttributePath Path, FilterNode Filter) : FilterNode;

public enum ComparisonOperator
{
    Equal,
    NotEqual,
    Contains,
    StartsWith,
    EndsWith,
    Present,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
}
