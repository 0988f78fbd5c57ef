using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;
using AutoRfpHex.Core.Scim.Service;
using AutoRfpHex.Core.Tenancy;
using AutoRfpHex.Core.Tests.Fakes;

namespace AutoRfpHex.Core.Tests.Scim;

/// <summary>A resource service over the in-memory store, a controllable clock, three tenants and JSON helpers.</summary>
public sealed class ScimTestHost
{
    public const string BaseUrl = "http://127.0.0.1:5080/scim/v2";
    public const string EnterpriseUrn = ScimSchemaUris.EnterpriseUser;

    public static readonly Tenant Acme = new("org-acme", DeploymentEnvironment.Production);
    public static readonly Tenant AcmeSandbox = new("org-acme", DeploymentEnvironment.Sandbox);
    public static readonly Tenant Globex = new("org-globex", DeploymentEnvironment.Production);
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public ScimTestHost(ScimServiceLimits? limits = null)
    {
        Service = new ScimResourceService(Store, Store, Clock, limits);
    }

    public InMemoryScimResourceStore Store { get; } = new();

    public ManualClock Clock { get; } = new(Start);

    public ScimResourceService Service { get; }

    public ScimCallContext Context { get; } = For(Acme);

    public static ScimCallContext For(Tenant tenant) => new(tenant, BaseUrl);

    public static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>A PatchOp body around the given operations (a JSON array).</summary>
    public static JsonObject PatchBody(string operations) =>
        Json($$"""{"schemas":["{{ScimSchemaUris.PatchOp}}"],"Operations":{{operations}}}""");

    /// <param name="more">Extra members of the body, as JSON text without braces.</param>
    public Task<ScimResourceResponse> CreateUser(string userName, string? more = null, Tenant? tenant = null) =>
        Service.CreateAsync(
            For(tenant ?? Acme), ScimResourceType.User,
            Json($$"""{"schemas":["{{ScimSchemaUris.User}}"],"userName":"{{userName}}"{{(more is null ? "" : "," + more)}}}"""),
            AttributeSelection.All, CancellationToken.None);

    public Task<ScimResourceResponse> CreateGroup(string displayName, params string[] memberIds) =>
        CreateGroup(displayName, AttributeSelection.All, memberIds);

    /// <param name="selection">What the answer shows (a group larger than the member limit is created without showing members).</param>
    public Task<ScimResourceResponse> CreateGroup(string displayName, AttributeSelection selection, params string[] memberIds) =>
        Service.CreateAsync(Context, ScimResourceType.Group, GroupBody(displayName, memberIds), selection, CancellationToken.None);

    /// <summary>A Group resource body with the given members.</summary>
    public static JsonObject GroupBody(string displayName, IEnumerable<string> memberIds) =>
        Json($$"""{"schemas":["{{ScimSchemaUris.Group}}"],"displayName":"{{displayName}}","members":[{{string.Join(",", memberIds.Select(m => $$"""{"value":"{{m}}"}"""))}}]}""");

    public Task<ScimPatchResponse> Patch(ScimResourceType type, string id, string operations, string? ifMatch = null, AttributeSelection? selection = null) =>
        Service.PatchAsync(Context, type, id, PatchBody(operations), ifMatch, selection ?? AttributeSelection.All, CancellationToken.None);

    /// <summary>A PATCH answer that must have a body (a user's, or a group's with a projection), as a resource response.</summary>
    public static ScimResourceResponse WithBody(ScimPatchResponse patched) =>
        new(patched.Body ?? throw new InvalidOperationException("The PATCH answered without a body."), patched.Id, patched.ETag, patched.Location);

    public Task<ScimResourceResponse> Get(ScimResourceType type, string id, AttributeSelection? selection = null) =>
        Service.GetAsync(Context, type, id, selection ?? AttributeSelection.All, CancellationToken.None);

    /// <summary>The stored document itself, as the store holds it.</summary>
    public async Task<ScimResourceRecord> Stored(ScimResourceType type, string id, Tenant? tenant = null) =>
        (await Store.GetAsync(tenant ?? Acme, type, id, ResourceLoadOptions.Full, CancellationToken.None))!;

    public async Task<IReadOnlyList<string>> MemberIds(string groupId) =>
        (await Stored(ScimResourceType.Group, groupId)).Members.Select(m => m.Value).ToList();
}

/// <summary>A clock tests move by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

public static class ScimAssertions
{
    /// <summary>Structural JSON equality (key order and number spelling aside), with both sides in the failure message.</summary>
    public static void ShouldBeJson(this JsonNode? actual, string expected) =>
        JsonNode.DeepEquals(actual, JsonNode.Parse(expected)).Should()
            .BeTrue($"expected {JsonNode.Parse(expected)?.ToJsonString()} but found {actual?.ToJsonString() ?? "nothing"}");

    /// <summary>Asserts the call is refused with this status and scimType, and returns the refusal for its detail.</summary>
    public static async Task<ScimException> ShouldBeRefused(this Func<Task> call, int status, string? scimType)
    {
        var refusal = (await call.Should().ThrowAsync<ScimException>()).Which;
        refusal.Status.Should().Be(status, refusal.Detail);
        refusal.ScimType.Should().Be(scimType, refusal.Detail);
        refusal.Detail.Should().NotBeNullOrWhiteSpace();
        return refusal;
    }
}
