namespace AutoRfpHex.Core.Scim.Schemas;

/// <summary>RFC 7643 §7 attribute definition: what /Schemas serves and what validation, filtering and projection obey.</summary>
public sealed record ScimAttributeDefinition(
    string Name,
    ScimAttributeType Type,
    string Description,
    bool MultiValued = false,
    bool Required = false,
    bool CaseExact = false,
    AttributeMutability Mutability = AttributeMutability.ReadWrite,
    AttributeReturned Returned = AttributeReturned.Default,
    AttributeUniqueness Uniqueness = AttributeUniqueness.None)
{
    public IReadOnlyList<ScimAttributeDefinition> SubAttributes { get; init; } = [];

    public IReadOnlyList<string> CanonicalValues { get; init; } = [];

    public IReadOnlyList<string> ReferenceTypes { get; init; } = [];

    public ScimAttributeDefinition? FindSubAttribute(string name) =>
        SubAttributes.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
}

public enum ScimAttributeType
{
    String,
    Boolean,
    Decimal,
    Integer,
    DateTime,
    Binary,
    Reference,
    Complex,
}

public enum AttributeMutability
{
    ReadOnly,
    ReadWrite,
    Immutable,
    WriteOnly,
}

public enum AttributeReturned
{
    Always,
    Never,
    Default,
    Request,
}

public enum AttributeUniqueness
{
    None,
    Server,
    Global,
}
