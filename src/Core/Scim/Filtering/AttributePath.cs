namespace AutoRfpHex.Core.Scim.Filtering;

/// <summary>
/// A resolved attribute path: <c>[schemaUrn:]attribute[.subAttribute]</c> with canonical names.
/// <see cref="SchemaUrn"/> is null for attributes of the resource's core schema and set for extension attributes.
/// </summary>
public sealed record AttributePath(string? SchemaUrn, string Attribute, string? SubAttribute = null)
{
    public override string ToString() =>
        (SchemaUrn is null ? string.Empty : SchemaUrn + ":") + Attribute + (SubAttribute is null ? string.Empty : "." + SubAttribute);
}
