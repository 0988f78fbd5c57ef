using System.Text.Json.Nodes;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Scim.Bulk;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;
using AutoRfpHex.Core.Scim.Service;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Tests.Scim.Bulk;

/// <summary>A bulk processor over the test host's resource service, and BulkRequest bodies built from operation texts.</summary>
internal sealed class BulkTestSupport(ScimTestHost host, ScimServiceLimits? limits = null)
{
    public const string UserSchema = ScimSchemaUris.User;
    public const string GroupSchema = ScimSchemaUris.Group;

    public BulkProcessor Processor { get; } = new(host.Service, limits);

    /// <param name="operations">JSON objects, one per operation.</param>
    /// <param name="more">Extra top-level members, JSON text without braces (e.g. <c>"failOnErrors":1</c>).</param>
    public static JsonObject Request(string[] operations, string? more = null) => ScimTestHost.Json(
        $$"""{"schemas":["{{ScimSchemaUris.BulkRequest}}"]{{(more is null ? "" : "," + more)}},"Operations":[{{string.Join(",", operations)}}]}""");

    public static string PostUser(string bulkId, string userName, string? more = null) =>
        $$"""{"method":"POST","path":"/Users","bulkId":"{{bulkId}}","data":{"schemas":["{{UserSchema}}"],"userName":"{{userName}}"{{(more is null ? "" : "," + more)}} } }""";

    /// <param name="members">Member values: ids or <c>bulkId:xyz</c> references.</param>
    public static string PostGroup(string bulkId, string displayName, params string[] members) =>
        $$"""{"method":"POST","path":"/Groups","bulkId":"{{bulkId}}","data":{"schemas":["{{GroupSchema}}"],"displayName":"{{displayName}}","members":[{{string.Join(",", members.Select(m => $$"""{"value":"{{m}}"}"""))}}] } }""";

    public static string Patch(string path, string operations, string? version = null) =>
        $$"""{"method":"PATCH","path":"{{path}}"{{(version is null ? "" : $",\"version\":{JsonValue.Create(version).ToJsonString()}")}},"data":{"schemas":["{{ScimSchemaUris.PatchOp}}"],"Operations":{{operations}} } }""";

    public static string Delete(string path, string? version = null) =>
        $$"""{"method":"DELETE","path":"{{path}}"{{(version is null ? "" : $",\"version\":{JsonValue.Create(version).ToJsonString()}")}}}""";

    public Task<BulkResult> Run(params string[] operations) => Run(Request(operations));

    /// <summary>How many resources of the type the tenant holds.</summary>
    public async Task<int> Count(ScimResourceType type, Tenant tenant) =>
        (await host.Service.ListAsync(ScimTestHost.For(tenant), type, new ScimListRequest(null, null, null, null, 0, AttributeSelection.All, null), CancellationToken.None))
        ["totalResults"]!.GetValue<int>();

    /// <summary>An active Admin of Acme, as the admin API makes one (SCIM cannot set roles).</summary>
    public async Task<string> AddAdminAsync(string userName)
    {
        var id = Guid.NewGuid().ToString("N");
        var record = new ScimResourceRecord(id, ScimResourceType.User, 1, ScimTestHost.Start, ScimTestHost.Start, new JsonObject { ["userName"] = userName, ["active"] = true })
        {
            Role = AccountRole.Admin,
        };
        (await host.Store.CreateAsync(ScimTestHost.Acme, record, [], CancellationToken.None)).Outcome.Should().Be(StoreWriteOutcome.Written);
        return id;
    }

    public Task<BulkResult> Run(JsonObject request) => Processor.ProcessAsync(host.Context, request, CancellationToken.None);
}

internal static class BulkResultAssertions
{
    /// <summary>"POST qwerty 201", "PATCH - 412"...: method, bulkId and status of each reported operation, in order.</summary>
    public static IEnumerable<string> Summary(this BulkResult result) =>
        result.Operations.Select(o => $"{o.Method ?? "-"} {o.BulkId ?? "-"} {o.Status}");

    public static BulkOperationResult Single(this BulkResult result, string bulkId) => result.Operations.Single(o => o.BulkId == bulkId);
}
