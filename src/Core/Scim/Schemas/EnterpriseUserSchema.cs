namespace AutoRfpHex.Core.Scim.Schemas;

/// <summary>RFC 7643 §4.3: the Enterprise User extension.</summary>
public static class EnterpriseUserSchema
{
    public static readonly ScimSchemaDefinition Definition = new(
        ScimSchemaUris.EnterpriseUser,
        "EnterpriseUser",
        "Enterprise User",
        [
            Str("employeeNumber", "Numeric or alphanumeric identifier assigned to a person, typically based on order of hire or association with an organization."),
            Str("costCenter", "Identifies the name of a cost center."),
            Str("organization", "Identifies the name of an organization."),
            Str("division", "Identifies the name of a division."),
            Str("department", "Identifies the name of a department."),
            new("manager", ScimAttributeType.Complex, "The User's manager.")
            {
                SubAttributes =
                [
                    new("value", ScimAttributeType.String, "The id of the SCIM resource representing the User's manager."),
                    new("$ref", ScimAttributeType.Reference, "The URI of the SCIM resource representing the User's manager.") { ReferenceTypes = ["User"] },
                    new("displayName", ScimAttributeType.String, "The displayName of the User's manager.", Mutability: AttributeMutability.ReadOnly),
                ],
            },
        ]);

    private static ScimAttributeDefinition Str(string name, string description) => new(name, ScimAttributeType.String, description);
}
