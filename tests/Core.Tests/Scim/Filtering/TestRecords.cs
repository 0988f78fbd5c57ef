using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

/// <summary>
/// Builds <see cref="ScimResourceRecord"/>s from SCIM-shaped JSON, the way a resource looks on the wire:
/// <c>id</c>, <c>meta.created</c>, <c>meta.lastModified</c>, <c>meta.version</c> (a number) and <c>members</c>/<c>groups</c>
/// (arrays of <c>{value, display, type}</c>) go to the record's fields; everything else becomes its Attributes.
/// </summary>
internal static class TestRecords
{
    private static readonly DateTimeOffset DefaultTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ScimResourceRecord User(string json) => FromJson(ScimResourceType.User, json);

    public static ScimResourceRecord Group(string json) => FromJson(ScimResourceType.Group, json);

    public static ScimResourceRecord FromJson(ScimResourceType type, string json)
    {
        var attributes = JsonNode.Parse(json)!.AsObject();
        var id = Take(attributes, "id")?.GetValue<string>() ?? Guid.NewGuid().ToString();
        var meta = Take(attributes, "meta") as JsonObject;
        var members = References(Take(attributes, "members"));
        var groups = References(Take(attributes, "groups"));
        attributes.Remove("schemas");
        return new ScimResourceRecord(
            id,
            type,
            meta?["version"]?.GetValue<long>() ?? 1,
            Time(meta?["created"]),
            Time(meta?["lastModified"] ?? meta?["created"]),
            attributes)
        {
            Members = type == ScimResourceType.Group ? members : [],
            Groups = type == ScimResourceType.User ? groups : [],
        };
    }

    private static JsonNode? Take(JsonObject obj, string name)
    {
        var node = obj[name];
        obj.Remove(name);
        return node;
    }

    private static DateTimeOffset Time(JsonNode? node) => node is null ? DefaultTime : DateTimeOffset.Parse(node.GetValue<string>(), null, System.Globalization.DateTimeStyles.AssumeUniversal);

    private static List<MemberReference> References(JsonNode? node) =>
        node is JsonArray array
            ? array.Select(e => new MemberReference(
                e!["value"]!.GetValue<string>(),
                Enum.Parse<ScimResourceType>(e["type"]?.GetValue<string>() ?? "User"),
                e["display"]?.GetValue<string>())).ToList()
            : [];
}
