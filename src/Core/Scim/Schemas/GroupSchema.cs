namespace AutoRfpHex.Core.Scim.Schemas;

/// <summary>RFC 7643 §4.2: the core Group schema.</summary>
public static class GroupSchema
{
    public static readonly ScimSchemaDefinition Definition = new(
        ScimSchemaUris.Group,
        "Group",
        "Group",
        [
            new("displayName", ScimAttributeType.String, "A human-readable name for the Group.", Required: true, Uniqueness: AttributeUniqueness.Server),
            new("members", ScimAttributeType.Complex, "A list of members of the Group.", MultiValued: true)
            {
                SubAttributes =
                [
                    new("value", ScimAttributeType.String, "Identifier of the member of this Group.", CaseExact: true, Mutability: AttributeMutability.Immutable),
                    new("$ref", ScimAttributeType.Reference, "The URI corresponding to a SCIM resource that is a member of this Group.",
                        Mutability: AttributeMutability.Immutable) { ReferenceTypes = ["User", "Group"] },
                    new("display", ScimAttributeType.String, "A human-readable name, primarily used for display purposes.", Mutability: AttributeMutability.ReadOnly),
                    new("type", ScimAttributeType.String, "A label indicating the type of resource, e.g., 'User' or 'Group'.",
                        Mutability: AttributeMutability.Immutable) { CanonicalValues = ["User", "Group"] },
                ],
            },
        ]);
}
