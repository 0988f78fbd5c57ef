using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Validation;

/// <summary>
/// A single-valued complex attribute that points at a resource through its <c>value</c> sub-attribute: the
/// enterprise <c>manager</c>. Entra sends it as a bare id string, Microsoft's templates as <c>{"value"}</c>, some
/// clients as a one-element array; all are stored as <c>{"value": "..."}</c>, and <c>""</c>, null or an empty
/// <c>value</c> remove it.
/// </summary>
internal static class ReferenceValue
{
    public static bool IsReference(ScimAttributeDefinition definition) =>
        definition is { MultiValued: false, Type: ScimAttributeType.Complex } && definition.FindSubAttribute("value") is not null;

    public static JsonObject? Normalize(ScimAttributeDefinition definition, JsonNode? value, string label)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonArray { Count: 0 }:
                return null;
            case JsonArray { Count: 1 } single:
                return Normalize(definition, single[0], label);
            case JsonArray:
                throw ScimException.BadRequest(ScimErrorTypes.InvalidValue, $"Attribute '{label}' takes a single value, not an array of several.");
            case JsonObject:
                var stored = AttributeValues.Element(definition, value, label);
                return stored?["value"] is JsonValue id && id.GetValueKind() == JsonValueKind.String && id.GetValue<string>().Length > 0 ? stored : null;
            default:
                return value.GetValueKind() == JsonValueKind.String
                    ? Normalize(definition, new JsonObject { ["value"] = value.DeepClone() }, label)
                    : throw ScimException.BadRequest(
                        ScimErrorTypes.InvalidValue, $"Attribute '{label}' must be an id string or an object with \"value\", not {AttributeValues.Describe(value.GetValueKind())}.");
        }
    }
}
