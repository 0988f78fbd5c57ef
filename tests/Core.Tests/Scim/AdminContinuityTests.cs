using System.Text.Json.Nodes;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Service;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Tests.Scim;

/// <summary>An identity provider cannot lock an organization out by deactivating or deleting its last active Admin.</summary>
public sealed class AdminContinuityTests
{
    private readonly ScimTestHost host = new();

    private ScimCallContext Production => new(ScimTestHost.Acme, "https://scim.test/scim/v2");

    [Fact]
    public async Task Deleting_the_last_active_admin_is_refused_with_403_and_changes_nothing()
    {
        var admin = await AddUserAsync("boss@acme.test", AccountRole.Admin);

        var act = () => host.Service.DeleteAsync(Production, ScimResourceType.User, admin, null, default);

        (await act.Should().ThrowAsync<ScimException>()).Which.Should().Match<ScimException>(e =>
            e.Status == 403 && e.Detail.Contains("boss@acme.test") && e.Detail.Contains("last active AutoRFP Admin"));
        (await host.Store.GetAsync(ScimTestHost.Acme, ScimResourceType.User, admin, ResourceLoadOptions.DocumentOnly, default)).Should().NotBeNull();
    }

    [Fact]
    public async Task Deactivating_the_last_active_admin_by_patch_or_put_is_refused()
    {
        var admin = await AddUserAsync("boss@acme.test", AccountRole.Admin);
        var patch = JsonNode.Parse("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}""")!.AsObject();
        var put = JsonNode.Parse("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"boss@acme.test","active":false}""")!.AsObject();

        var patching = () => host.Service.PatchAsync(Production, ScimResourceType.User, admin, patch, null, AttributeSelection.All, default);
        var replacing = () => host.Service.ReplaceAsync(Production, ScimResourceType.User, admin, put, null, AttributeSelection.All, default);

        (await patching.Should().ThrowAsync<ScimException>()).Which.Status.Should().Be(403);
        (await replacing.Should().ThrowAsync<ScimException>()).Which.Status.Should().Be(403);
        var stored = await host.Store.GetAsync(ScimTestHost.Acme, ScimResourceType.User, admin, ResourceLoadOptions.DocumentOnly, default);
        UserAccount.IsActive(stored!.Attributes).Should().BeTrue();
    }

    [Fact]
    public async Task An_admin_can_be_deactivated_and_deleted_while_another_active_admin_remains()
    {
        var first = await AddUserAsync("first@acme.test", AccountRole.Admin);
        await AddUserAsync("second@acme.test", AccountRole.Admin);
        var patch = JsonNode.Parse("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":"False"}]}""")!.AsObject();

        var patched = await host.Service.PatchAsync(Production, ScimResourceType.User, first, patch, null, AttributeSelection.All, default);
        await host.Service.DeleteAsync(Production, ScimResourceType.User, first, null, default);

        patched.Body!["active"]!.GetValue<bool>().Should().BeFalse();
        (await host.Store.GetAsync(ScimTestHost.Acme, ScimResourceType.User, first, ResourceLoadOptions.DocumentOnly, default)).Should().BeNull();
    }

    [Fact]
    public async Task Members_and_sandbox_users_are_not_protected()
    {
        await AddUserAsync("boss@acme.test", AccountRole.Admin);
        var member = await AddUserAsync("someone@acme.test", AccountRole.Member);
        var sandboxAdmin = await AddUserAsync("boss@acme.test", AccountRole.Admin, ScimTestHost.AcmeSandbox);

        await host.Service.DeleteAsync(Production, ScimResourceType.User, member, null, default);
        await host.Service.DeleteAsync(Production with { Tenant = ScimTestHost.AcmeSandbox }, ScimResourceType.User, sandboxAdmin, null, default);

        (await host.Store.GetAsync(ScimTestHost.AcmeSandbox, ScimResourceType.User, sandboxAdmin, ResourceLoadOptions.DocumentOnly, default)).Should().BeNull();
    }

    private async Task<string> AddUserAsync(string userName, AccountRole role, Tenant? tenant = null)
    {
        var id = Guid.NewGuid().ToString("N");
        var record = new ScimResourceRecord(id, ScimResourceType.User, 1, ScimTestHost.Start, ScimTestHost.Start, new JsonObject { ["userName"] = userName, ["active"] = true })
        {
            Role = role,
        };
        (await host.Store.CreateAsync(tenant ?? ScimTestHost.Acme, record, [], default)).Outcome.Should().Be(StoreWriteOutcome.Written);
        return id;
    }
}
