using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Paths;

/// <summary>
/// A resolved RFC 7644 §3.10 attribute path: <c>[schemaUrn:]attribute[valueFilter][.subAttribute]</c>, with the
/// catalog definitions it names. <see cref="SchemaUrn"/> is null for core-schema and common attributes.
/// </summary>
internal sealed record ScimPath(
    string? SchemaUrn,
    ScimAttributeDefinition Attribute,
    FilterNode? ValueFilter,
    ScimAttributeDefinition? SubAttribute,
    string? FilterText = null)
{
    /// <summary>The definition the operation lands on: the sub-attribute when there is one.</summary>
    public ScimAttributeDefinition Target => SubAttribute ?? Attribute;

    public AttributePath ToAttributePath() => new(SchemaUrn, Attribute.Name, SubAttribute?.Name);

    public override string ToString() =>
        (SchemaUrn is null ? string.Empty : SchemaUrn + ":") + Attribute.Name
        + (FilterText is null ? string.Empty : "[" + FilterText + "]")
        + (SubAttribute is null ? string.Empty : "." + SubAttribute.Name);
}
