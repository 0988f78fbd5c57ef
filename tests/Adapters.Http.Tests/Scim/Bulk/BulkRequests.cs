using System.Net;
using System.Text.Json.Nodes;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;

namespace AutoRfpHex.Adapters.Http.Tests.Scim.Bulk;

/// <summary>BulkRequest bodies built as JSON nodes, and reading a BulkResponse.</summary>
internal static class BulkRequests
{
    public const string BulkRequestSchema = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    public const string BulkResponseSchema = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";

    public static string Body(int? failOnErrors, params JsonObject[] operations)
    {
        var body = new JsonObject { ["schemas"] = new JsonArray(BulkRequestSchema) };
        if (failOnErrors is { } limit)
        {
            body["failOnErrors"] = limit;
        }

        body["Operations"] = new JsonArray([.. operations]);
        return body.ToJsonString();
    }

    public static string Body(params JsonObject[] operations) => Body(null, operations);

    public static JsonObject PostUser(string bulkId, string userName) => Operation("POST", "/Users", bulkId: bulkId, data: new JsonObject
    {
        ["schemas"] = new JsonArray(ScimHttp.UserSchema),
        ["userName"] = userName,
        ["active"] = true,
    });

    /// <param name="members">Ids, or <c>bulkId:xyz</c> references.</param>
    public static JsonObject PostGroup(string bulkId, string displayName, params string[] members) => Operation("POST", "/Groups", bulkId: bulkId, data: new JsonObject
    {
        ["schemas"] = new JsonArray(ScimHttp.GroupSchema),
        ["displayName"] = displayName,
        ["members"] = new JsonArray([.. members.Select(m => (JsonNode)new JsonObject { ["value"] = m })]),
    });

    public static JsonObject PatchTitle(string path, string title, string? version = null) =>
        Operation("PATCH", path, version: version, data: JsonNode.Parse(ScimHttp.PatchBody($$"""{"op":"replace","path":"title","value":"{{title}}"}"""))!.AsObject());

    public static JsonObject Operation(string method, string path, string? bulkId = null, string? version = null, JsonObject? data = null)
    {
        var operation = new JsonObject { ["method"] = method, ["path"] = path };
        if (bulkId is not null)
        {
            operation["bulkId"] = bulkId;
        }

        if (version is not null)
        {
            operation["version"] = version;
        }

        if (data is not null)
        {
            operation["data"] = data;
        }

        return operation;
    }

    public static Task<HttpResponseMessage> PostBulkAsync(this HttpClient scim, string body, string contentType = JsonHttp.ScimJson) =>
        scim.PostJsonAsync("scim/v2/Bulk", body, contentType);

    /// <summary>200, a SCIM document, the BulkResponse URN; returns its Operations.</summary>
    public static async Task<IReadOnlyList<JsonObject>> ShouldBeBulkResponseAsync(this HttpResponseMessage response)
    {
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(JsonHttp.ScimJson);
        var body = await response.ReadJsonObjectAsync();
        body["schemas"]!.AsArray().Select(s => (string?)s).Should().Equal(BulkResponseSchema);
        return [.. body["Operations"]!.AsArray().Select(o => o!.AsObject())];
    }

    /// <summary>"POST alice 201": method, bulkId (or -) and status of each operation, as strings.</summary>
    public static IEnumerable<string> Summary(this IEnumerable<JsonObject> operations) =>
        operations.Select(o => $"{o["method"]} {(string?)o["bulkId"] ?? "-"} {(string)o["status"]!}");

    public static string IdOf(this JsonObject operation) => ((string)operation["location"]!).Split('/')[^1];
}
