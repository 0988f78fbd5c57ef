using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Validation;

/// <summary>
/// Checks one incoming value against its definition and returns it in stored form: sub-attribute names canonical,
/// read-only sub-attributes dropped, booleans sent as "True"/"false" made JSON booleans, a single object sent for a
/// multi-valued attribute wrapped, every other value kept exactly as sent. Null means unassigned (RFC 7643 §2.5:
/// null, an empty array and an empty complex value all mean "no value").
/// </summary>
internal static class AttributeValues
{
    /// <param name="label">The attribute path as the client should read it in an error detail.</param>
    public static JsonNode? Normalize(ScimAttributeDefinition definition, JsonNode? value, string label)
    {
        if (value is null)
        {
            return null;
        }

        if (definition.MultiValued)
        {
            return MultiValued(definition, value, label);
        }

        return definition.Type == ScimAttributeType.Complex ? Complex(definition, value, label) : Simple(definition, value, label);
    }

    /// <summary>One value of a multi-valued complex attribute (an element of its array).</summary>
    public static JsonObject? Element(ScimAttributeDefinition definition, JsonNode? item, string label)
    {
        if (item is null)
        {
            return null;
        }

        if (item is not JsonObject source)
        {
            throw Invalid($"Each value of '{label}' must be an object with sub-attributes such as \"value\".");
        }

        var result = new JsonObject();
        foreach (var (key, subValue) in source)
        {
            var sub = definition.FindSubAttribute(key)
                ?? throw ScimException.BadRequest(ScimErrorTypes.InvalidSyntax, $"'{key}' is not a sub-attribute of '{label}'.");
            if (result.ContainsKey(sub.Name))
            {
                throw ScimException.BadRequest(ScimErrorTypes.InvalidSyntax, $"'{label}.{sub.Name}' appears more than once.");
            }

            if (sub.Mutability != AttributeMutability.ReadOnly && Simple(sub, subValue, $"{label}.{sub.Name}") is { } stored)
            {
                result[sub.Name] = stored;
            }
        }

        return result.Count == 0 ? null : result;
    }

    public static JsonValue? Simple(ScimAttributeDefinition definition, JsonNode? value, string label)
    {
        if (value is null)
        {
            return null;
        }

        var kind = value.GetValueKind();
        return definition.Type switch
        {
            ScimAttributeType.Boolean => JsonValue.Create(ScimBooleans.Parse(value, label)),
            ScimAttributeType.Integer or ScimAttributeType.Decimal when kind == JsonValueKind.Number => (JsonValue)value.DeepClone(),
            ScimAttributeType.Integer or ScimAttributeType.Decimal => throw Invalid($"Attribute '{label}' must be a number."),
            ScimAttributeType.Complex => throw Invalid($"'{label}' cannot hold a complex value here."),
            ScimAttributeType.Binary when kind == JsonValueKind.String && !System.Buffers.Text.Base64.IsValid(value.GetValue<string>()) =>
                throw Invalid($"Attribute '{label}' is binary: send it base64-encoded (RFC 7643 §2.3.6)."),
            ScimAttributeType.DateTime when kind == JsonValueKind.String && !ScimDateTime.TryParse(value.GetValue<string>(), out _) =>
                throw Invalid($"Attribute '{label}' must be an xsd:dateTime such as \"2026-01-01T00:00:00Z\" (RFC 7643 §2.3.5)."),
            _ when kind == JsonValueKind.String => (JsonValue)value.DeepClone(),
            _ => throw Invalid($"Attribute '{label}' must be a string, not {Describe(kind)}."),
        };
    }

    /// <summary>The number of values marked <c>"primary": true</c>; RFC 7643 §2.4 allows at most one.</summary>
    public static void EnsureSinglePrimary(JsonArray values, string label)
    {
        if (values.Count(v => v?["primary"] is JsonValue p && p.GetValueKind() == JsonValueKind.True) > 1)
        {
            throw Invalid($"Only one value of '{label}' may be \"primary\": true.");
        }
    }

    private static JsonArray? MultiValued(ScimAttributeDefinition definition, JsonNode value, string label)
    {
        IEnumerable<JsonNode?> items = value switch
        {
            JsonArray array => array,
            JsonObject single => new JsonNode?[] { single },
            _ => throw Invalid($"Attribute '{label}' is multi-valued: send an array of values, not {Describe(value.GetValueKind())}."),
        };
        var result = new JsonArray();
        foreach (var element in items.Select(item => Element(definition, item, label)).OfType<JsonObject>())
        {
            result.Add(element);
        }

        EnsureSinglePrimary(result, label);
        return result.Count == 0 ? null : result;
    }

    private static JsonObject? Complex(ScimAttributeDefinition definition, JsonNode value, string label)
    {
        if (ReferenceValue.IsReference(definition))
        {
            return ReferenceValue.Normalize(definition, value, label);
        }

        return value is JsonObject
            ? Element(definition, value, label)
            : throw Invalid($"Attribute '{label}' is complex: send an object with its sub-attributes, not {Describe(value.GetValueKind())}.");
    }

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static ScimException Invalid(string detail) => ScimException.BadRequest(ScimErrorTypes.InvalidValue, detail);
}
