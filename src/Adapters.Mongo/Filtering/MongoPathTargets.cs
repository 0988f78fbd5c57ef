using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Adapters.Mongo.Filtering;

/// <summary>Where the values a filter path names live in the documents.</summary>
internal abstract record MongoTarget;

/// <summary>A field (search view, record field or membership field). <paramref name="KnownValues"/>: the only texts it ever holds.</summary>
internal sealed record FieldTarget(string Field, IReadOnlyList<string>? KnownValues = null) : MongoTarget;

/// <summary>A complex attribute itself (<c>name pr</c>, <c>emails pr</c>): assigned when one sub-attribute is.</summary>
internal sealed record ComplexTarget(string Field, IReadOnlyList<string> SubAttributes) : MongoTarget;

/// <summary>Memberships of the resource: <paramref name="Inner"/> is the place inside one membership document.</summary>
internal sealed record LookupTarget(bool AsGroupMember, MongoTarget Inner) : MongoTarget;

/// <summary>A membership's <c>display</c>: the name of its member (<c>members</c>) or group (<c>groups</c>), see <see cref="MembershipDisplay"/>.</summary>
internal sealed record DisplayTarget(bool AsGroupMember) : MongoTarget;

/// <summary>A complex value that is always there and has no comparable value of its own (<c>meta</c>, one membership).</summary>
internal sealed record WholeTarget : MongoTarget;

/// <summary><c>meta.version</c>: the ETag text <c>W/"n"</c> of the numeric <c>version</c> field.</summary>
internal sealed record VersionTarget : MongoTarget;

/// <summary>Nothing is stored there for this resource type (another searched type's attribute, <c>meta.location</c>).</summary>
internal sealed record NoTarget : MongoTarget;

/// <summary>Resolves a filter path in one scope: the resource, one element of a value path, or one membership.</summary>
internal interface IMongoPathContext
{
    MongoTarget Resolve(AttributePath path);
}

/// <summary>Paths of the resource: record fields for <c>id</c>/<c>meta</c>, memberships, else the search view.</summary>
internal sealed class ResourceContext(ScimResourceType type) : IMongoPathContext
{
    public MongoTarget Resolve(AttributePath path)
    {
        var definition = ScimResourceSchemas.FindAttribute(type, path.SchemaUrn, path.Attribute);
        if (definition is null || (path.SubAttribute is not null && definition.FindSubAttribute(path.SubAttribute) is null))
        {
            return new NoTarget();
        }

        if (ReferenceEquals(definition, CommonAttributes.Id))
        {
            return new FieldTarget(MongoResourceFields.Id);
        }

        if (ReferenceEquals(definition, CommonAttributes.Meta))
        {
            return Meta(path.SubAttribute);
        }

        if (IsMembership(definition) is { } asGroupMember)
        {
            return new LookupTarget(asGroupMember, new MembershipContext(asGroupMember).Resolve(path));
        }

        var canonicalSub = path.SubAttribute is null ? null : definition.FindSubAttribute(path.SubAttribute)!.Name;
        return canonicalSub is null && definition.Type == ScimAttributeType.Complex
            ? new ComplexTarget(MongoResourceFields.SearchPath(MongoResourceFields.ExtensionOf(type, path.SchemaUrn), definition.Name), definition.SubAttributes.Select(s => s.Name).ToList())
            : new FieldTarget(MongoResourceFields.SearchPath(MongoResourceFields.ExtensionOf(type, path.SchemaUrn), definition.Name, canonicalSub));
    }

    /// <summary>True for a group's <c>members</c>, false for a user's <c>groups</c>, null for anything else.</summary>
    public bool? IsMembership(ScimAttributeDefinition definition) =>
        (type, definition.Name) switch
        {
            (ScimResourceType.Group, "members") when ReferenceEquals(definition, ScimResourceSchemas.FindAttribute(type, null, "members")) => true,
            (ScimResourceType.User, "groups") when ReferenceEquals(definition, ScimResourceSchemas.FindAttribute(type, null, "groups")) => false,
            _ => null,
        };

    private static MongoTarget Meta(string? subAttribute) => subAttribute?.ToLowerInvariant() switch
    {
        null => new WholeTarget(),
        "created" => new FieldTarget(MongoResourceFields.Created),
        "lastmodified" => new FieldTarget(MongoResourceFields.LastModified),
        "resourcetype" => new FieldTarget(MongoResourceFields.ResourceType, ["User", "Group"]),
        "version" => new VersionTarget(),
        _ => new NoTarget(),
    };
}

/// <summary>
/// Inside <c>attr[...]</c>: sub-attributes of one element, relative to <paramref name="Prefix"/> ("" inside
/// <c>$elemMatch</c>, <c>search.name.</c> for a single complex value).
/// </summary>
internal sealed record ElementContext(string Prefix) : IMongoPathContext
{
    public MongoTarget Resolve(AttributePath path) => path.SubAttribute is null
        ? throw new MongoFilterNotTranslatedException($"'{path}' inside a value path names the element itself.")
        : new FieldTarget(Prefix + path.SubAttribute);
}

/// <summary>One membership document seen as a group's <c>members</c> element or a user's <c>groups</c> element.</summary>
internal sealed record MembershipContext(bool AsGroupMember) : IMongoPathContext
{
    public MongoTarget Resolve(AttributePath path) => (path.SubAttribute?.ToLowerInvariant(), AsGroupMember) switch
    {
        (null, _) => new WholeTarget(),
        ("value", true) => new FieldTarget(MongoMembershipFields.Member),
        ("value", false) => new FieldTarget(MongoMembershipFields.GroupFolded),
        ("type", true) => new FieldTarget(MongoMembershipFields.MemberType, ["User", "Group"]),
        ("display", _) => new DisplayTarget(AsGroupMember),
        _ => throw new MongoFilterNotTranslatedException($"'{path}' is not translated: the membership collection does not hold it."),
    };
}

/// <summary>A filter this translation does not cover yet; the store must answer it another way or as a clear 4xx.</summary>
public sealed class MongoFilterNotTranslatedException(string message) : NotSupportedException(message);
