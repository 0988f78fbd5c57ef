namespace AutoRfpHex.Core.Scim.Schemas;

public sealed record ScimSchemaDefinition(string Id, string Name, string Description, IReadOnlyList<ScimAttributeDefinition> Attributes)
{
    public ScimAttributeDefinition? FindAttribute(string name) =>
        Attributes.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
}
