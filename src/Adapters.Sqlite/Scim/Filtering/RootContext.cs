using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Adapters.Sqlite.Scim.Filtering;

/// <summary>
/// Paths resolved against the resource row <c>r</c>: <c>id</c> and <c>meta.*</c> from columns, group <c>members</c> and
/// user <c>groups</c> from the memberships table, everything else from the JSON document. The document has the schema's
/// shape (Core validates it): multi-valued attributes are arrays, single-valued ones are not.
/// </summary>
internal sealed class RootContext(ScimResourceType type, SqlParameters parameters) : IPathContext
{
    public const string Document = "r.attributes";

    public ValueSource Resolve(AttributePath path)
    {
        var (definition, canonical) = Canonical(path);
        return Special(definition) switch
        {
            SpecialAttribute.Id => new OneValue(new TextColumn("r.id")),
            SpecialAttribute.Meta => new OneValue(Meta(canonical.SubAttribute)),
            SpecialAttribute.Members or SpecialAttribute.Groups => new ManyValues(predicate => MembershipElementContext.Exists(
                parameters, Special(definition) == SpecialAttribute.Members, element => predicate(element.Element(canonical.SubAttribute)))),
            _ when definition?.MultiValued == true => new ManyValues(predicate => EachElement(canonical,
                element => predicate(new JsonLocation(Document, JsonElementContext.SubPath(element, canonical.SubAttribute))))),
            _ => new OneValue(new JsonLocation(Document, JsonPaths.Literal(JsonPaths.Of(canonical.SchemaUrn, canonical.Attribute, canonical.SubAttribute)))),
        };
    }

    /// <summary><c>attr[filter]</c>: true when one element of the attribute satisfies the condition built for it.</summary>
    public string AnyElement(AttributePath path, Func<IPathContext, string> condition)
    {
        var (definition, canonical) = Canonical(path);
        switch (Special(definition))
        {
            case SpecialAttribute.Meta:
                return condition(this); // one element, always there; its sub-attributes are the row's columns
            case SpecialAttribute.Members or SpecialAttribute.Groups:
                return MembershipElementContext.Exists(parameters, Special(definition) == SpecialAttribute.Members, element => condition(element));
        }

        if (definition?.MultiValued == true)
        {
            return EachElement(canonical, element => condition(new JsonElementContext(Document, element)));
        }

        // A single complex value is one element, when it is there.
        var literal = JsonPaths.Literal(JsonPaths.Of(canonical.SchemaUrn, canonical.Attribute));
        return $"(coalesce(json_type({Document}, {literal}), 'null') <> 'null' AND ({condition(new JsonElementContext(Document, literal))}))";
    }

    public static (ScimAttributeDefinition? Definition, AttributePath Canonical) Canonical(ScimResourceType type, AttributePath path)
    {
        var definition = ScimResourceSchemas.FindAttribute(type, path.SchemaUrn, path.Attribute);
        var sub = path.SubAttribute is null ? null : definition?.FindSubAttribute(path.SubAttribute)?.Name ?? path.SubAttribute;
        return (definition, new AttributePath(path.SchemaUrn, definition?.Name ?? path.Attribute, sub));
    }

    public SpecialAttribute Special(ScimAttributeDefinition? definition) =>
        definition is null ? SpecialAttribute.None
        : ReferenceEquals(definition, CommonAttributes.Id) ? SpecialAttribute.Id
        : ReferenceEquals(definition, CommonAttributes.Meta) ? SpecialAttribute.Meta
        : type == ScimResourceType.Group && definition.Name == "members" ? SpecialAttribute.Members
        : type == ScimResourceType.User && definition.Name == "groups" ? SpecialAttribute.Groups
        : SpecialAttribute.None;

    public static ValueLocation Meta(string? subAttribute) => subAttribute switch
    {
        null => new AssignedComplexValue(),
        "created" => new InstantColumn("r.created"),
        "lastModified" => new InstantColumn("r.last_modified"),
        "resourceType" => new TextColumn("r.resource_type"),
        "version" => new TextColumn("('W/\"' || r.version || '\"')"), // the ETag form Core shows in meta.version
        _ => new AbsentValue(),
    };

    private (ScimAttributeDefinition? Definition, AttributePath Canonical) Canonical(AttributePath path) => Canonical(type, path);

    private string EachElement(AttributePath attribute, Func<string, string> condition)
    {
        var e = parameters.Alias("e");
        var literal = JsonPaths.Literal(JsonPaths.Of(attribute.SchemaUrn, attribute.Attribute));
        return $"EXISTS (SELECT 1 FROM json_each({Document}, {literal}) AS {e} WHERE json_type({Document}, {literal}) = 'array' AND ({condition($"{e}.fullkey")}))";
    }
}

internal enum SpecialAttribute
{
    None,
    Id,
    Meta,
    Members,
    Groups,
}
