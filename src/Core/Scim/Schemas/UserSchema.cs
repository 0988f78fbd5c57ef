namespace AutoRfpHex.Core.Scim.Schemas;

/// <summary>RFC 7643 §4.1 and §8.7.1: the core User schema.</summary>
public static class UserSchema
{
    public static readonly ScimSchemaDefinition Definition = new(
        ScimSchemaUris.User,
        "User",
        "User Account",
        [
            new("userName", ScimAttributeType.String, "Unique identifier for the User, typically used by the user to directly authenticate to the service provider.",
                Required: true, Uniqueness: AttributeUniqueness.Server),
            new("name", ScimAttributeType.Complex, "The components of the user's real name.")
            {
                SubAttributes =
                [
                    Str("formatted", "The full name, including all middle names, titles, and suffixes as appropriate, formatted for display."),
                    Str("familyName", "The family name of the User, or last name in most Western languages."),
                    Str("givenName", "The given name of the User, or first name in most Western languages."),
                    Str("middleName", "The middle name(s) of the User."),
                    Str("honorificPrefix", "The honorific prefix(es) of the User, or title in most Western languages."),
                    Str("honorificSuffix", "The honorific suffix(es) of the User, or suffix in most Western languages."),
                ],
            },
            Str("displayName", "The name of the User, suitable for display to end-users."),
            Str("nickName", "The casual way to address the user in real life."),
            new("profileUrl", ScimAttributeType.Reference, "A fully qualified URL pointing to a page representing the User's online profile.") { ReferenceTypes = ["external"] },
            Str("title", "The user's title, such as \"Vice President\"."),
            Str("userType", "Used to identify the relationship between the organization and the user."),
            Str("preferredLanguage", "Indicates the User's preferred written or spoken language."),
            Str("locale", "Used to indicate the User's default location for purposes of localizing items such as currency, date time format, or numerical representations."),
            Str("timezone", "The User's time zone in the 'Olson' time zone database format, e.g., 'America/Los_Angeles'."),
            new("active", ScimAttributeType.Boolean, "A Boolean value indicating the User's administrative status."),
            new("password", ScimAttributeType.String, "The User's cleartext password. Accepted and never stored or returned.",
                CaseExact: true, Mutability: AttributeMutability.WriteOnly, Returned: AttributeReturned.Never),
            MultiValued("emails", "Email addresses for the user.", ["work", "home", "other"]),
            MultiValued("phoneNumbers", "Phone numbers for the User.", ["work", "home", "mobile", "fax", "pager", "other"]),
            MultiValued("ims", "Instant messaging addresses for the User.", ["aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"]),
            MultiValued("photos", "URLs of photos of the User.", ["photo", "thumbnail"], ScimAttributeType.Reference),
            new("addresses", ScimAttributeType.Complex, "A physical mailing address for this User.", MultiValued: true)
            {
                SubAttributes =
                [
                    Str("formatted", "The full mailing address, formatted for display or use with a mailing label."),
                    Str("streetAddress", "The full street address component."),
                    Str("locality", "The city or locality component."),
                    Str("region", "The state or region component."),
                    Str("postalCode", "The zip code or postal code component."),
                    Str("country", "The country name component."),
                    new("type", ScimAttributeType.String, "A label indicating the attribute's function.") { CanonicalValues = ["work", "home", "other"] },
                    new("primary", ScimAttributeType.Boolean, "A Boolean value indicating the 'primary' or preferred address."),
                ],
            },
            new("groups", ScimAttributeType.Complex, "A list of groups to which the user belongs, either through direct membership or through nested groups.",
                MultiValued: true, Mutability: AttributeMutability.ReadOnly)
            {
                SubAttributes =
                [
                    new("value", ScimAttributeType.String, "The identifier of the User's group.", Mutability: AttributeMutability.ReadOnly),
                    new("$ref", ScimAttributeType.Reference, "The URI of the corresponding 'Group' resource to which the user belongs.",
                        Mutability: AttributeMutability.ReadOnly) { ReferenceTypes = ["User", "Group"] },
                    new("display", ScimAttributeType.String, "A human-readable name, primarily used for display purposes.", Mutability: AttributeMutability.ReadOnly),
                    new("type", ScimAttributeType.String, "A label indicating the attribute's function, e.g., 'direct' or 'indirect'.",
                        Mutability: AttributeMutability.ReadOnly) { CanonicalValues = ["direct", "indirect"] },
                ],
            },
            MultiValued("entitlements", "A list of entitlements for the User that represent a thing the User has.", []),
            MultiValued("roles", "A list of roles for the User that collectively represent who the User is.", []),
            MultiValued("x509Certificates", "A list of certificates issued to the User.", [], ScimAttributeType.Binary),
        ]);

    private static ScimAttributeDefinition Str(string name, string description) => new(name, ScimAttributeType.String, description);

    private static ScimAttributeDefinition MultiValued(string name, string description, IReadOnlyList<string> types, ScimAttributeType valueType = ScimAttributeType.String) =>
        new(name, ScimAttributeType.Complex, description, MultiValued: true)
        {
            SubAttributes =
            [
                new("value", valueType, $"The value of the {name} entry."),
                Str("display", "A human-readable name, primarily used for display purposes."),
                new("type", ScimAttributeType.String, "A label indicating the attribute's function.") { CanonicalValues = types },
                new("primary", ScimAttributeType.Boolean, "A Boolean value indicating the 'primary' or preferred attribute value for this attribute."),
            ],
        };
}
