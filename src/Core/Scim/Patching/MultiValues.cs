using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Paths;

namespace AutoRfpHex.Core.Scim.Patching;

/// <summary>Identity, merging and the single-primary rule for the values of a multi-valued attribute.</summary>
internal static class MultiValues
{
    /// <param name="primaries">The values this operation marked <c>"primary": true</c>.</param>
    public static void PromotePrimary(JsonArray values, List<JsonObject> primaries, string label)
    {
        primaries = primaries.Distinct().ToList();
        if (primaries.Count > 1)
        {
            throw ScimException.BadRequest(ScimErrorTypes.InvalidValue, $"Only one value of '{label}' may be \"primary\": true.");
        }

        foreach (var other in Elements(values).Where(e => primaries.Count == 1 && e != primaries[0] && IsPrimary(e)))
        {
            other["primary"] = false;
        }
    }

    /// <summary>An existing value equal to <paramref name="candidate"/>: same <c>value</c> (and <c>type</c> when both have one), or equal as a whole.</summary>
    public static JsonObject? FindSame(JsonArray values, JsonObject candidate, ScimPath path) =>
        Elements(values).FirstOrDefault(e => Same(e, candidate, path));

    public static bool Same(JsonObject existing, JsonObject candidate, ScimPath path)
    {
        if (candidate["value"] is not JsonValue value || path.Attribute.FindSubAttribute("value") is not { } valueDefinition)
        {
            return JsonNode.DeepEquals(existing, candidate);
        }

        var comparison = valueDefinition.CaseExact ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return existing["value"] is JsonValue other
            && (other.TryGetValue(out string? a) && value.TryGetValue(out string? b) ? string.Equals(a, b, comparison) : JsonNode.DeepEquals(other, value))
            && (existing["type"] is not JsonValue t1 || candidate["type"] is not JsonValue t2
                || string.Equals(t1.ToString(), t2.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    public static void Merge(JsonObject target, JsonObject? source)
    {
        foreach (var (key, value) in source ?? [])
        {
            target[key] = value?.DeepClone();
        }
    }

    public static bool IsPrimary(JsonObject element) => element["primary"] is JsonValue p && p.GetValueKind() == JsonValueKind.True;

    public static IEnumerable<JsonObject> Elements(JsonArray values) => values.OfType<JsonObject>();
}
