using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Discovery;

/// <summary>
/// A catalog schema as RFC 7643 §7 represents it: camel-cased property values (<c>readWrite</c>, <c>dateTime</c>),
/// <c>subAttributes</c> for complex attributes, no nulls. <c>externalId</c> is listed with each core schema's
/// attributes although RFC 7643 treats it as common: Entra's schema discovery checks every mapped attribute,
/// and it maps <c>externalId</c>.
/// </summary>
internal static class SchemaDocuments
{
    public static JsonObject Render(string baseUrl, ScimSchemaDefinition schema)
    {
        var attributes = new JsonArray();
        if (schema.Id is ScimSchemaUris.User or ScimSchemaUris.Group)
        {
            attributes.Add(Attribute(CommonAttributes.ExternalId));
        }

        foreach (var attribute in schema.Attributes)
        {
            attributes.Add(Attribute(attribute));
        }

        return new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemaUris.Schema),
            ["id"] = schema.Id,
            ["name"] = schema.Name,
            ["description"] = schema.Description,
            ["attributes"] = attributes,
            ["meta"] = new JsonObject
            {
                ["resourceType"] = "Schema",
                ["location"] = $"{baseUrl.TrimEnd('/')}/Schemas/{schema.Id}",
            },
        };
    }

    private static JsonObject Attribute(ScimAttributeDefinition attribute)
    {
        var document = new JsonObject
        {
            ["name"] = attribute.Name,
            ["type"] = Camel(attribute.Type.ToString()),
            ["multiValued"] = attribute.MultiValued,
            ["description"] = attribute.Description,
            ["required"] = attribute.Required,
            ["caseExact"] = attribute.CaseExact,
            ["mutability"] = Camel(attribute.Mutability.ToString()),
            ["returned"] = Camel(attribute.Returned.ToString()),
            ["uniqueness"] = Camel(attribute.Uniqueness.ToString()),
        };
        if (attribute.CanonicalValues.Count > 0)
        {
            document["canonicalValues"] = new JsonArray([.. attribute.CanonicalValues.Select(v => (JsonNode)v)]);
        }

        if (attribute.ReferenceTypes.Count > 0)
        {
            document["referenceTypes"] = new JsonArray([.. attribute.ReferenceTypes.Select(v => (JsonNode)v)]);
        }

        if (attribute.SubAttributes.Count > 0)
        {
            document["subAttributes"] = new JsonArray([.. attribute.SubAttributes.Select(a => (JsonNode)Attribute(a))]);
        }

        return document;
    }

    private static string Camel(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];
}
