using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Scim.Filtering;

/// <summary>
/// The values a path names in one record. Document attributes come from <see cref="ScimResourceRecord.Attributes"/>
/// (canonical names, extensions under their URN key); the rest from the record's fields:
/// <c>id</c> = Id; <c>meta.created</c>/<c>meta.lastModified</c> = Created/LastModified;
/// <c>meta.resourceType</c> = "User"/"Group"; <c>meta.version</c> = <see cref="MetaVersion"/>;
/// group <c>members</c> and user <c>groups</c> = the MemberReference lists as <c>{value, display, type}</c> objects.
/// </summary>
internal static class ResourceValues
{
    /// <summary>The ETag form of a version (RFC 7644 §3.14), as <c>meta.version</c> shows it: <c>W/"3"</c>.</summary>
    public static string MetaVersion(long version) => $"W/\"{version}\"";

    /// <summary>The attribute's own node: an array for a multi-valued attribute, an object for a complex one, or a scalar.</summary>
    public static JsonNode? AttributeNode(ScimResourceRecord record, string? schemaUrn, string attribute)
    {
        if (schemaUrn is not null)
        {
            return (record.Attributes[schemaUrn] as JsonObject)?[attribute];
        }

        return (attribute, record.Type) switch
        {
            ("id", _) => JsonValue.Create(record.Id),
            ("meta", _) => new JsonObject
            {
                ["resourceType"] = MetaValue(record, "resourceType"),
                ["created"] = MetaValue(record, "created"),
                ["lastModified"] = MetaValue(record, "lastModified"),
                ["version"] = MetaValue(record, "version"),
            },
            ("members", ScimResourceType.Group) => References(record.Members),
            ("groups", ScimResourceType.User) => References(record.Groups),
            _ => record.Attributes[attribute],
        };
    }

    /// <summary>Each element of a multi-valued attribute; a single value is one element; nothing when absent.</summary>
    public static IEnumerable<JsonNode?> Elements(JsonNode? node) => node switch
    {
        null => Array.Empty<JsonNode?>(),
        JsonArray array => array,

        // Explicit array: a collection expression here would build a JsonArray and try to re-parent the node.
        _ => new[] { node },
    };

    /// <summary>
    /// Every value the path names, flattened: <c>emails.value</c> yields each email's value; <c>name.familyName</c> one value.
    /// </summary>
    public static IEnumerable<JsonNode?> Values(ScimResourceRecord record, AttributePath path)
    {
        if (path is { SchemaUrn: null, Attribute: "meta", SubAttribute: not null })
        {
            return new[] { MetaValue(record, path.SubAttribute) };
        }

        var elements = Elements(AttributeNode(record, path.SchemaUrn, path.Attribute));
        return path.SubAttribute is null ? elements : elements.SelectMany(e => SubValues(e, path.SubAttribute));
    }

    /// <summary>The sub-attribute's value(s) inside one element of a complex attribute.</summary>
    public static IEnumerable<JsonNode?> SubValues(JsonNode? element, string subAttribute) =>
        element is JsonObject obj ? Elements(obj[subAttribute]) : Array.Empty<JsonNode?>();

    // Times stay DateTimeOffset-backed: filtering on meta times is common, and formatting then parsing them is not free.
    private static JsonValue? MetaValue(ScimResourceRecord record, string subAttribute) => subAttribute switch
    {
        "created" => JsonValue.Create(record.Created),
        "lastModified" => JsonValue.Create(record.LastModified),
        "resourceType" => JsonValue.Create(record.Type.ToString()),
        "version" => JsonValue.Create(MetaVersion(record.Version)),
        _ => null,
    };

    private static JsonArray References(IReadOnlyList<MemberReference> references) =>
        new(references.Select(r => (JsonNode?)new JsonObject
        {
            ["value"] = r.Value,
            ["display"] = r.Display,
            ["type"] = r.Type.ToString(),
        }).ToArray());
}
