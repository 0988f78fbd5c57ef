using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Filtering;

/// <summary>An <see cref="AttributePath"/> with the definitions it names, for type checks.</summary>
internal sealed record ResolvedPath(AttributePath Path, ScimAttributeDefinition Attribute, ScimAttributeDefinition? SubAttribute)
{
    /// <summary>The definition whose type the compared value has: the sub-attribute when there is one.</summary>
    public ScimAttributeDefinition Leaf => SubAttribute ?? Attribute;

    /// <summary>
    /// A core or common attribute: unqualified, or (another searched type's attribute, see <see cref="PathScope"/>)
    /// qualified with a core schema URN.
    /// </summary>
    public bool InCoreSchema => Path.SchemaUrn is null or ScimSchemaUris.User or ScimSchemaUris.Group;

    /// <summary>The path as a client names it, for error details: core paths without their schema URN.</summary>
    public string Name => (InCoreSchema ? Path with { SchemaUrn = null } : Path).ToString();

    public ResolvedPath WithSubAttribute(ScimAttributeDefinition sub) => new(Path with { SubAttribute = sub.Name }, Attribute, sub);
}
