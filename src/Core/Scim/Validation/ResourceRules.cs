using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Validation;

/// <summary>Whole-resource rules checked on the document about to be stored: required and immutable attributes.</summary>
internal static class ResourceRules
{
    /// <summary>400 <c>invalidValue</c> when a required attribute (<c>userName</c>, group <c>displayName</c>) is absent or blank.</summary>
    /// <param name="unknown">Unknown attribute names seen in the body, mentioned because a typo is the usual cause.</param>
    public static void RequireAttributes(ScimResourceType type, JsonObject attributes, IReadOnlyCollection<string>? unknown = null)
    {
        foreach (var definition in ScimResourceSchemas.CoreSchemaOf(type).Attributes.Where(a => a.Required))
        {
            if (!HasValue(attributes[definition.Name]))
            {
                var hint = unknown is { Count: > 0 } ? $" (unknown attribute(s) sent: {string.Join(", ", unknown.Select(u => $"'{u}'"))})" : string.Empty;
                throw ScimException.BadRequest(ScimErrorTypes.InvalidValue, $"Attribute '{definition.Name}' is required.{hint}");
            }
        }
    }

    /// <summary>
    /// RFC 7643 §2.2 <c>immutable</c>: once set, a value may not change (400 <c>mutability</c>). Checked for top-level
    /// attributes and sub-attributes of single-valued complex attributes of the given schemas; multi-valued values are
    /// replaced as a whole, so their immutable sub-attributes (group <c>members.value</c>) are not compared.
    /// </summary>
    public static void EnsureImmutablesUnchanged(IEnumerable<ScimSchemaDefinition> schemas, string coreSchemaId, JsonObject before, JsonObject after)
    {
        foreach (var schema in schemas)
        {
            var isCore = schema.Id == coreSchemaId;
            var old = isCore ? before : before[schema.Id] as JsonObject;
            var updated = isCore ? after : after[schema.Id] as JsonObject;
            foreach (var definition in schema.Attributes.Where(a => !a.MultiValued))
            {
                Compare(definition, definition.Name, old?[definition.Name], updated?[definition.Name]);
                foreach (var sub in definition.SubAttributes)
                {
                    Compare(sub, $"{definition.Name}.{sub.Name}", old?[definition.Name]?[sub.Name], updated?[definition.Name]?[sub.Name]);
                }
            }
        }
    }

    private static void Compare(ScimAttributeDefinition definition, string label, JsonNode? before, JsonNode? after)
    {
        if (definition.Mutability == AttributeMutability.Immutable && before is not null && !JsonNode.DeepEquals(before, after))
        {
            throw ScimException.BadRequest(ScimErrorTypes.Mutability, $"Attribute '{label}' is immutable: it cannot change once set.");
        }
    }

    private static bool HasValue(JsonNode? value) =>
        value is not null && !(value.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetValue<string>()));
}
