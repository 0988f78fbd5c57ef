namespace AutoRfpHex.Core.Scim.Schemas;

/// <summary>RFC 7643 §3.1 attributes every resource has; not part of any schema's attribute list.</summary>
public static class CommonAttributes
{
    public static readonly ScimAttributeDefinition Id = new(
        "id", ScimAttributeType.String, "Unique identifier for the SCIM resource as defined by the service provider.",
        CaseExact: true, Mutability: AttributeMutability.ReadOnly, Returned: AttributeReturned.Always, Uniqueness: AttributeUniqueness.Server);

    public static readonly ScimAttributeDefinition ExternalId = new(
        "externalId", ScimAttributeType.String, "Identifier for the resource as defined by the provisioning client.", CaseExact: true);

    public static readonly ScimAttributeDefinition Meta = new(
        "meta", ScimAttributeType.Complex, "Resource metadata.", Mutability: AttributeMutability.ReadOnly)
    {
        SubAttributes =
        [
            new("resourceType", ScimAttributeType.String, "The name of the resource type of the resource.", CaseExact: true, Mutability: AttributeMutability.ReadOnly),
            new("created", ScimAttributeType.DateTime, "The time the resource was added to the service provider.", Mutability: AttributeMutability.ReadOnly),
            new("lastModified", ScimAttributeType.DateTime, "The most recent time the resource was modified.", Mutability: AttributeMutability.ReadOnly),
            new("location", ScimAttributeType.Reference, "The URI of the resource being returned.", CaseExact: true, Mutability: AttributeMutability.ReadOnly) { ReferenceTypes = ["uri"] },
            new("version", ScimAttributeType.String, "The version (ETag) of the resource being returned.", CaseExact: true, Mutability: AttributeMutability.ReadOnly),
        ],
    };

    public static readonly IReadOnlyList<ScimAttributeDefinition> All = [Id, ExternalId, Meta];
}
