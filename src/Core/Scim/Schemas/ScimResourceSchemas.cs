using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Scim.Schemas;

/// <summary>Which schemas make up each resource type, and attribute lookup across them.</summary>
public static class ScimResourceSchemas
{
    public static ScimSchemaDefinition CoreSchemaOf(ScimResourceType type) =>
        type == ScimResourceType.User ? UserSchema.Definition : GroupSchema.Definition;

    public static IReadOnlyList<ScimSchemaDefinition> ExtensionsOf(ScimResourceType type) =>
        type == ScimResourceType.User ? [EnterpriseUserSchema.Definition] : [];

    public static IReadOnlyList<ScimSchemaDefinition> All { get; } =
        [UserSchema.Definition, EnterpriseUserSchema.Definition, GroupSchema.Definition];

    /// <summary>
    /// Finds an attribute definition: <paramref name="schemaUrn"/> null means the core schema (or a common attribute
    /// such as <c>id</c>, <c>externalId</c>, <c>meta</c>). Names compare case-insensitively (RFC 7643 §2.1).
    /// </summary>
    public static ScimAttributeDefinition? FindAttribute(ScimResourceType type, string? schemaUrn, string name)
    {
        if (schemaUrn is null || string.Equals(schemaUrn, CoreSchemaOf(type).Id, StringComparison.OrdinalIgnoreCase))
        {
            return CommonAttributes.All.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? CoreSchemaOf(type).FindAttribute(name);
        }

        return ExtensionsOf(type)
            .FirstOrDefault(s => string.Equals(s.Id, schemaUrn, StringComparison.OrdinalIgnoreCase))
            ?.FindAttribute(name);
    }
}
