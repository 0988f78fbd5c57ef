using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AutoRfpHex.Core.Scim.Filtering;

/// <summary>Reads stored JSON values by kind. A value of another JSON kind than asked for is "not there".</summary>
internal static class JsonScalars
{
    public static bool TryGetString(JsonNode? node, out string text)
    {
        text = string.Empty;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        text = value.TryGetValue<string>(out var s) ? s : JsonSerializer.Deserialize<string>(value.ToJsonString()) ?? string.Empty;
        return true;
    }

    public static bool TryGetNumber(JsonNode? node, out double number)
    {
        number = 0;
        return node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number)
            && double.IsFinite(number);
    }

    public static bool TryGetBoolean(JsonNode? node, out bool flag)
    {
        flag = false;
        if (node is not JsonValue value || value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return false;
        }

        flag = value.GetValueKind() == JsonValueKind.True;
        return true;
    }

    /// <summary>A dateTime string in xsd:dateTime form, or a value created from a DateTimeOffset (the record's meta times).</summary>
    public static bool TryGetInstant(JsonNode? node, out DateTimeOffset instant)
    {
        instant = default;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        // Text goes through ScimDateTime's strict grammar; only a DateTimeOffset-backed value skips it.
        return value.TryGetValue<string>(out var text) ? ScimDateTime.TryParse(text, out instant) : value.TryGetValue(out instant);
    }

    /// <summary>
    /// RFC 7643 §2.5: null, an empty string and an empty array all mean "unassigned". An object or array has a value
    /// when one of its members does. Numbers and booleans (false included) are values.
    /// </summary>
    public static bool HasValue(JsonNode? node) => node switch
    {
        null => false,
        JsonArray array => array.Any(HasValue),
        JsonObject obj => obj.Any(p => HasValue(p.Value)),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => false,
            JsonValueKind.String => TryGetString(value, out var s) && s.Length > 0,
            _ => true,
        },
        _ => false,
    };
}
