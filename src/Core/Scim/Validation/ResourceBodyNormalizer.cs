using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Paths;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Validation;

/// <summary>
/// Turns a POST/PUT body into stored form, driven by the schema catalog. Policy on what the body may hold:
/// read-only attributes (<c>id</c>, <c>meta</c>, <c>groups</c>, ...) are accepted and dropped; write-only ones
/// (<c>password</c>, which Okta always sends) are type-checked and dropped; objects and attributes under schema URNs this service does not serve are
/// dropped (Entra adds Microsoft URIs, tenants add custom extensions); an unknown attribute of a schema we do serve is
/// refused with 400 <c>invalidSyntax</c> naming it, so a typo never silently loses data.
/// </summary>
internal static class ResourceBodyNormalizer
{
    public static NormalizedResource Normalize(ScimResourceType type, JsonObject body)
    {
        RequireCoreSchema(type, body);
        var attributes = new JsonObject();
        var members = new List<string>();
        var unknown = new List<string>();
        foreach (var (key, value) in body)
        {
            if (key.Equals("schemas", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (ScimPathParser.FindSchema(type, key) is { } schema)
            {
                AddSchemaObject(type, schema, key, value, attributes, members, unknown);
            }
            else if (key.Contains(':', StringComparison.Ordinal))
            {
                if (ScimPathParser.Parse(type, key) is { } qualified)
                {
                    Add(type, qualified, value, attributes, members);
                }
            }
            else if (ScimResourceSchemas.FindAttribute(type, null, key) is { } definition)
            {
                Add(type, new ScimPath(null, definition, null, null), value, attributes, members);
            }
            else
            {
                unknown.Add(key);
            }
        }

        ResourceRules.RequireAttributes(type, attributes, unknown);
        return unknown.Count == 0
            ? new NormalizedResource(attributes, members.Distinct(StringComparer.Ordinal).ToList())
            : throw ScimException.BadRequest(
                ScimErrorTypes.InvalidSyntax,
                $"Unknown attribute(s) for {type} resources: {string.Join(", ", unknown.Select(u => $"'{u}'"))}. "
                + "Extension attributes belong under their schema URN.");
    }

    private static void RequireCoreSchema(ScimResourceType type, JsonObject body)
    {
        var core = ScimResourceSchemas.CoreSchemaOf(type).Id;
        var schemas = body.FirstOrDefault(p => p.Key.Equals("schemas", StringComparison.OrdinalIgnoreCase)).Value;
        var listed = schemas is JsonArray array && array.All(s => s?.GetValueKind() == JsonValueKind.String)
            ? array.Select(s => s!.GetValue<string>())
            : throw ScimException.BadRequest(ScimErrorTypes.InvalidSyntax, $"The body needs \"schemas\": an array of schema URIs including '{core}'.");
        if (!listed.Any(s => s.Equals(core, StringComparison.OrdinalIgnoreCase)))
        {
            throw ScimException.BadRequest(ScimErrorTypes.InvalidSyntax, $"\"schemas\" must include '{core}' for a {type} resource.");
        }
    }

    private static void AddSchemaObject(
        ScimResourceType type, ScimSchemaDefinition schema, string key, JsonNode? value, JsonObject attributes, List<string> members, List<string> unknown)
    {
        if (value is null)
        {
            return;
        }

        if (value is not JsonObject extension)
        {
            throw ScimException.BadRequest(ScimErrorTypes.InvalidValue, $"'{key}' must be an object holding that schema's attributes.");
        }

        var isCore = schema.Id == ScimResourceSchemas.CoreSchemaOf(type).Id;
        foreach (var (name, inner) in extension)
        {
            var definition = isCore ? ScimResourceSchemas.FindAttribute(type, null, name) : schema.FindAttribute(name);
            if (definition is null)
            {
                unknown.Add($"{schema.Id}:{name}");
                continue;
            }

            Add(type, new ScimPath(isCore ? null : schema.Id, definition, null, null), inner, attributes, members);
        }
    }

    private static void Add(ScimResourceType type, ScimPath path, JsonNode? value, JsonObject attributes, List<string> members)
    {
        var definition = path.Attribute;
        if (path.SubAttribute is not null || path.ValueFilter is not null)
        {
            throw ScimException.BadRequest(ScimErrorTypes.InvalidSyntax, $"'{path}' is a path; a resource body nests sub-attributes in objects.");
        }

        if (definition.Mutability == AttributeMutability.ReadOnly)
        {
            return;
        }

        if (definition.Mutability == AttributeMutability.WriteOnly)
        {
            AttributeValues.Normalize(definition, value, path.ToString()); // checked, never stored
            return;
        }

        if (type == ScimResourceType.Group && definition.Name == "members")
        {
            members.AddRange(MemberIds.From(value));
            return;
        }

        var container = path.SchemaUrn is null ? attributes : ExtensionContainer(attributes, path.SchemaUrn);
        if (container.ContainsKey(definition.Name))
        {
            throw ScimException.BadRequest(ScimErrorTypes.InvalidSyntax, $"Attribute '{path}' appears more than once (names are case-insensitive).");
        }

        if (AttributeValues.Normalize(definition, value, path.ToString()) is { } stored)
        {
            container[definition.Name] = stored;
        }

        if (path.SchemaUrn is not null && container.Count == 0)
        {
            attributes.Remove(path.SchemaUrn);
        }
    }

    private static JsonObject ExtensionContainer(JsonObject attributes, string urn)
    {
        if (attributes[urn] is not JsonObject container)
        {
            container = [];
            attributes[urn] = container;
        }

        return container;
    }
}
