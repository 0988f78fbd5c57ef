using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;
using AutoRfpHex.Core.Scim.Service;

namespace AutoRfpHex.Core.Scim.Discovery;

/// <summary>
/// The discovery endpoints' bodies (RFC 7644 §4, RFC 7643 §5–7): what this service supports, its resource types
/// (User first: Microsoft's tests read <c>Resources[0]</c>) and the schemas that drive its validation.
/// </summary>
public static class ScimDiscoveryDocuments
{
    public static JsonObject ServiceProviderConfig(string baseUrl, ScimServiceLimits limits) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemaUris.ServiceProviderConfig),
        ["patch"] = Supported(true),
        ["bulk"] = new JsonObject { ["supported"] = true, ["maxOperations"] = limits.BulkMaxOperations, ["maxPayloadSize"] = limits.BulkMaxPayloadBytes },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = limits.MaxResults },
        ["changePassword"] = Supported(false),
        ["sort"] = Supported(true),
        ["etag"] = Supported(true),

        // RFC 9865 §4. No cursorTimeout: cursors are positions in the result, not server state, so they do not expire.
        ["pagination"] = new JsonObject
        {
            ["cursor"] = true,
            ["index"] = true,
            ["defaultPaginationMethod"] = "index",
            ["defaultPageSize"] = limits.DefaultPageSize,
            ["maxPageSize"] = limits.MaxResults,
        },
        ["authenticationSchemes"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "oauthbearertoken",
                ["name"] = "OAuth Bearer Token",
                ["description"] = "An access token from the OAuth 2.0 client credentials grant, or the client's secret key itself, as a bearer token.",
                ["specUri"] = "https://www.rfc-editor.org/info/rfc6750",
                ["primary"] = true,
            },
            new JsonObject
            {
                ["type"] = "httpbasic",
                ["name"] = "HTTP Basic",
                ["description"] = "The OAuth client id as user name and its secret key as password.",
                ["specUri"] = "https://www.rfc-editor.org/info/rfc7617",
            }),
        ["meta"] = Meta("ServiceProviderConfig", $"{Root(baseUrl)}/ServiceProviderConfig"),
    };

    public static JsonObject ResourceTypes(string baseUrl) =>
        ListResponse([ResourceTypeDocument(baseUrl, ScimResourceType.User), ResourceTypeDocument(baseUrl, ScimResourceType.Group)]);

    /// <param name="name">"User" or "Group", any case.</param>
    public static JsonObject? ResourceType(string baseUrl, string name) =>
        Enum.GetValues<ScimResourceType>().Where(t => t.ToString().Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(t => ResourceTypeDocument(baseUrl, t))
            .FirstOrDefault();

    public static JsonObject Schemas(string baseUrl) =>
        ListResponse([.. ScimResourceSchemas.All.Select(s => SchemaDocuments.Render(baseUrl, s))]);

    /// <param name="id">A schema URN, any case.</param>
    public static JsonObject? Schema(string baseUrl, string id) =>
        ScimResourceSchemas.All.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase)) is { } schema
            ? SchemaDocuments.Render(baseUrl, schema)
            : null;

    private static JsonObject ResourceTypeDocument(string baseUrl, ScimResourceType type)
    {
        var core = ScimResourceSchemas.CoreSchemaOf(type);
        var name = type.ToString();
        var document = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemaUris.ResourceType),
            ["id"] = name,
            ["name"] = name,
            ["endpoint"] = type == ScimResourceType.User ? "/Users" : "/Groups",
            ["description"] = core.Description,
            ["schema"] = core.Id,
        };
        var extensions = ScimResourceSchemas.ExtensionsOf(type);
        if (extensions.Count > 0)
        {
            document["schemaExtensions"] = new JsonArray([.. extensions.Select(e => (JsonNode)new JsonObject { ["schema"] = e.Id, ["required"] = false })]);
        }

        document["meta"] = Meta("ResourceType", $"{Root(baseUrl)}/ResourceTypes/{name}");
        return document;
    }

    private static JsonObject ListResponse(IReadOnlyList<JsonObject> resources) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemaUris.ListResponse),
        ["totalResults"] = resources.Count,
        ["itemsPerPage"] = resources.Count,
        ["startIndex"] = 1,
        ["Resources"] = new JsonArray([.. resources]),
    };

    private static JsonObject Supported(bool supported) => new() { ["supported"] = supported };

    private static JsonObject Meta(string resourceType, string location) => new() { ["resourceType"] = resourceType, ["location"] = location };

    private static string Root(string baseUrl) => baseUrl.TrimEnd('/');
}
