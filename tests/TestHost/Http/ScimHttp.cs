using System.Net;
using System.Text.Json.Nodes;

namespace AutoRfpHex.TestHost.Http;

/// <summary>Raw SCIM calls that tests use to arrange data; each fails loudly unless the service answers as expected.</summary>
public static class ScimHttp
{
    public const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public const string EnterpriseUserSchema = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public const string PatchOpSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string ListResponseSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";
    public const string SearchRequestSchema = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    /// <summary>A SearchRequest body (RFC 7644 §3.4.3) with the given members, JSON text without braces.</summary>
    public static string SearchRequestBody(string members = "") =>
        $$"""{"schemas":["{{SearchRequestSchema}}"]{{(members.Length == 0 ? "" : "," + members)}}}""";

    /// <returns>The new user's id.</returns>
    public static async Task<string> CreateUserAsync(this HttpClient scim, string userName, string? externalId = null)
    {
        var user = new JsonObject
        {
            ["schemas"] = new JsonArray(UserSchema),
            ["userName"] = userName,
            ["name"] = new JsonObject { ["givenName"] = "Given", ["familyName"] = "Family" },
            ["emails"] = new JsonArray(new JsonObject { ["value"] = userName, ["type"] = "work", ["primary"] = true }),
            ["active"] = true,
        };
        if (externalId is not null)
        {
            user["externalId"] = externalId;
        }

        using var response = await scim.PostJsonAsync("scim/v2/Users", user.ToJsonString());
        return await CreatedIdAsync(response);
    }

    /// <returns>The new group's id.</returns>
    public static async Task<string> CreateGroupAsync(this HttpClient scim, string displayName, params string[] memberIds)
    {
        var members = new JsonArray(memberIds.Select(id => (JsonNode)new JsonObject { ["value"] = id }).ToArray());
        var group = new JsonObject { ["schemas"] = new JsonArray(GroupSchema), ["displayName"] = displayName, ["members"] = members };
        using var response = await scim.PostJsonAsync("scim/v2/Groups", group.ToJsonString());
        return await CreatedIdAsync(response);
    }

    public static async Task<JsonObject> GetResourceAsync(this HttpClient scim, string path)
    {
        using var response = await scim.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Expected 200: {await response.DescribeAsync()}");
        }

        return await response.ReadJsonObjectAsync();
    }

    /// <summary>A PatchOp body with the given operations (each a JSON object text).</summary>
    public static string PatchBody(params string[] operations) =>
        $$"""{"schemas":["{{PatchOpSchema}}"],"Operations":[{{string.Join(",", operations)}}]}""";

    /// <summary>The member ids of a group, as GET returns them.</summary>
    public static async Task<IReadOnlyList<string>> MemberIdsAsync(this HttpClient scim, string groupId)
    {
        var group = await scim.GetResourceAsync($"scim/v2/Groups/{groupId}");
        return group["members"] is JsonArray members ? members.Select(m => (string)m!["value"]!).ToArray() : [];
    }

    /// <summary>Everything the client's tenant holds (users and groups, as listed), to prove a request changed nothing.</summary>
    public static async Task<string> SnapshotAsync(this HttpClient scim)
    {
        var snapshot = new System.Text.StringBuilder();
        foreach (var path in new[] { "scim/v2/Users?count=200", "scim/v2/Groups?count=200" })
        {
            using var response = await scim.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"Snapshot: expected 200: {await response.DescribeAsync()}");
            }

            snapshot.AppendLine(await response.Content.ReadAsStringAsync());
        }

        return snapshot.ToString();
    }

    private static async Task<string> CreatedIdAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Test setup: expected 201: {await response.DescribeAsync()}");
        }

        return (string)(await response.ReadJsonObjectAsync())["id"]!;
    }
}
