using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Validation;

/// <summary>
/// The member ids a group's <c>members</c> value names. Members are stored as membership records, never inside the
/// group document, so only <c>value</c> (the member's id) matters; <c>display</c> is read-only and
/// <c>$ref</c>/<c>type</c> follow from the id. Duplicates collapse (a member is stored once).
/// </summary>
internal static class MemberIds
{
    public static readonly ScimAttributeDefinition Definition = GroupSchema.Definition.FindAttribute("members")!;

    public static IReadOnlyList<string> From(JsonNode? value)
    {
        IEnumerable<JsonNode?> items = value switch
        {
            null => [],
            JsonArray array => array,
            JsonObject single => new JsonNode?[] { single },
            _ => throw ScimException.BadRequest(
                ScimErrorTypes.InvalidValue, $"'members' must be an array of objects like {{\"value\": \"<id>\"}}, not {AttributeValues.Describe(value.GetValueKind())}."),
        };

        var ids = new List<string>();
        foreach (var item in items.Where(i => i is not null))
        {
            var element = AttributeValues.Element(Definition, item, "members");
            ids.Add(element?["value"] is JsonValue id && id.GetValueKind() == JsonValueKind.String && !string.IsNullOrWhiteSpace(id.GetValue<string>())
                ? id.GetValue<string>()
                : throw ScimException.BadRequest(
                    ScimErrorTypes.InvalidValue, "Each value of 'members' needs a non-empty \"value\": the id of a User or Group of this tenant."));
        }

        return ids.Distinct(StringComparer.Ordinal).ToList();
    }
}
