using System.Globalization;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;
using AutoRfpHex.Core.Scim.Service;

namespace AutoRfpHex.Core.Scim.Rendering;

/// <summary>
/// The full wire representation of a stored resource (RFC 7643 §3): <c>schemas</c> (the core URN, plus an
/// extension's URN when the resource holds data of it), <c>id</c>, <c>externalId</c>, the stored attributes,
/// <c>members</c> (groups) or the computed, read-only <c>groups</c> (users), extensions, and <c>meta</c>.
/// </summary>
internal static class ScimResourceRenderer
{
    /// <param name="withMembers">Render <c>members</c> (a group's, possibly empty); false when they were not loaded.</param>
    /// <param name="withGroups">Render a user's <c>groups</c> (omitted when the user is in none); false when not loaded.</param>
    public static JsonObject Render(ScimCallContext context, ScimResourceRecord record, bool withMembers, bool withGroups)
    {
        var type = record.Type;
        var extensions = ScimResourceSchemas.ExtensionsOf(type).Where(e => record.Attributes[e.Id] is JsonObject { Count: > 0 }).ToList();
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray([ScimResourceSchemas.CoreSchemaOf(type).Id, .. extensions.Select(e => (JsonNode)e.Id)]),
            ["id"] = record.Id,
        };
        if (record.Attributes["externalId"] is { } externalId)
        {
            body["externalId"] = externalId.DeepClone();
        }

        foreach (var (name, value) in record.Attributes)
        {
            var definition = ScimResourceSchemas.FindAttribute(type, null, name);
            if (name != "externalId" && definition is not null && definition.Returned != AttributeReturned.Never)
            {
                body[name] = value?.DeepClone();
            }
        }

        if (type == ScimResourceType.Group && withMembers)
        {
            body["members"] = References(context, record.Members, type: null);
        }

        if (type == ScimResourceType.User && withGroups && record.Groups.Count > 0)
        {
            body["groups"] = References(context, record.Groups, type: "direct");
        }

        foreach (var extension in extensions)
        {
            body[extension.Id] = record.Attributes[extension.Id]!.DeepClone();
        }

        body["meta"] = new JsonObject
        {
            ["resourceType"] = type.ToString(),
            ["created"] = Timestamp(record.Created),
            ["lastModified"] = Timestamp(record.LastModified),
            ["location"] = Location(context, type, record.Id),
            ["version"] = EntityTag.Format(record.Version),
        };
        return body;
    }

    public static string Location(ScimCallContext context, ScimResourceType type, string id) => context.ResourceUrl(Endpoint(type), id);

    public static string Endpoint(ScimResourceType type) => type == ScimResourceType.User ? "Users" : "Groups";

    /// <summary>ISO 8601 in UTC with milliseconds, e.g. <c>2025-01-31T09:30:00.000Z</c>.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <param name="type">The <c>type</c> sub-attribute to show; null shows the referenced resource's type (group members).</param>
    private static JsonArray References(ScimCallContext context, IEnumerable<MemberReference> references, string? type)
    {
        var array = new JsonArray();
        foreach (var reference in references)
        {
            var element = new JsonObject { ["value"] = reference.Value };
            if (reference.Display is not null)
            {
                element["display"] = reference.Display;
            }

            element["type"] = type ?? reference.Type.ToString();
            element["$ref"] = Location(context, reference.Type, reference.Value);
            array.Add(element);
        }

        return array;
    }
}
