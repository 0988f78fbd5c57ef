using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Filtering;

/// <summary>An <see cref="AttributePath"/> with the definitions it names, for type checks.</summary>
internal sealed record ResolvedPath(AttributePath Path, ScimAttributeDefinition Attribute, ScimAttributeDefinition? SubAttribute)
{
    /// <summary>The definition whose type the compared value has: the sub-attribute when there is one.</summary>
    public ScimAttributeDefinition Leaf => SubAttribute ?? Attribute;

    public ResolvedPath WithSubAttribute(ScimAttributeDefinition sub) => new(Path with { SubAttribute = sub.Name }, Attribute, sub);
}
