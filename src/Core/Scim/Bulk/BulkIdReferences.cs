using System.Text.Json;
using System.Text.Json.Nodes;

namespace AutoRfpHex.Core.Scim.Bulk;

/// <summary>
/// RFC 7644 §3.7.2: inside a bulk request, a string value <c>"bulkId:xyz"</c> anywhere in an operation's data (a
/// member's <c>value</c>, a manager's <c>value</c>, a PATCH value) stands for the id of the resource that the POST
/// with bulkId <c>xyz</c> created. Only whole string values count, never a substring, so a filter or a display name
/// that merely contains the text is left alone.
/// </summary>
internal static class BulkIdReferences
{
    public static void Collect(JsonNode? node, ISet<string> into)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Collect(value, into);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, into);
                }

                break;
            case JsonValue value when Reference(value) is { } bulkId:
                into.Add(bulkId);
                break;
        }
    }

    /// <summary>A copy of <paramref name="data"/> with every reference replaced by the id it resolves to.</summary>
    public static JsonObject Resolve(JsonObject data, IReadOnlyDictionary<string, string> createdIds)
    {
        var copy = data.DeepClone().AsObject();
        ReplaceWithin(copy, createdIds);
        return copy;
    }

    /// <summary>Replaces references among the children of a container, in place; a node moves only when it is swapped out.</summary>
    private static void ReplaceWithin(JsonNode container, IReadOnlyDictionary<string, string> createdIds)
    {
        var children = container is JsonObject obj
            ? obj.Select(p => (Key: (string?)p.Key, Index: -1, Node: p.Value)).ToList()
            : container.AsArray().Select((node, index) => (Key: (string?)null, Index: index, Node: node)).ToList();
        foreach (var (key, index, node) in children)
        {
            if (node is JsonValue value && Reference(value) is { } bulkId)
            {
                JsonNode id = JsonValue.Create(createdIds[bulkId]);
                if (key is not null)
                {
                    container[key] = id;
                }
                else
                {
                    container[index] = id;
                }
            }
            else if (node is JsonObject or JsonArray)
            {
                ReplaceWithin(node, createdIds);
            }
        }
    }

    /// <summary>The bulkId a whole string value <c>"bulkId:xyz"</c> names, or null.</summary>
    public static string? Reference(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is var text && text.StartsWith(BulkPath.BulkIdPrefix, StringComparison.Ordinal)
            ? text[BulkPath.BulkIdPrefix.Length..]
            : null;
}
