using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Common;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Tests.Credentials;

public sealed class UserAccountServiceTests
{
    [Fact]
    public async Task Lists_production_users_ordered_by_user_name()
    {
        var harness = await CredentialsHarness.StartAsync();
        await harness.AddUserAsync("zoe@acme.test", AccountRole.Member);
        await harness.AddUserAsync("bob@acme.test", AccountRole.Admin);

        var users = await harness.AccountService.ListAsync(CredentialsHarness.OrganizationId, null, default);

        users.Select(u => u.UserName).Should().Equal("admin@acme.test", "bob@acme.test", "zoe@acme.test");
    }

    [Fact]
    public async Task Lists_only_the_requested_role()
    {
        var harness = await CredentialsHarness.StartAsync();
        await harness.AddUserAsync("zoe@acme.test", AccountRole.Member);

        var admins = await harness.AccountService.ListAsync(CredentialsHarness.OrganizationId, AccountRole.Admin, default);

        admins.Should().ContainSingle().Which.UserName.Should().Be(CredentialsHarness.AdminEmail);
    }

    [Fact]
    public async Task Sandbox_users_and_other_organizations_are_not_accounts()
    {
        var harness = await CredentialsHarness.StartAsync();
        await harness.AddOrganizationAsync("other", true);
        await harness.AddUserAsync("stranger@other.test", AccountRole.Admin, organizationId: "other");
        var sandboxUser = new AutoRfpHex.Core.Scim.Resources.ScimResourceRecord(
            "sandbox-1", AutoRfpHex.Core.Scim.Resources.ScimResourceType.User, 1, default, default, new System.Text.Json.Nodes.JsonObject { ["userName"] = "sandbox@acme.test" });
        await harness.Users.CreateAsync(new Tenant(CredentialsHarness.OrganizationId, DeploymentEnvironment.Sandbox), sandboxUser, [], default);

        var users = await harness.AccountService.ListAsync(CredentialsHarness.OrganizationId, null, default);

        users.Should().ContainSingle().Which.UserName.Should().Be(CredentialsHarness.AdminEmail);
    }

    [Fact]
    public async Task Impersonation_candidates_are_active_admins_only()
    {
        var harness = await CredentialsHarness.StartAsync();
        await harness.AddUserAsync("member@acme.test", AccountRole.Member);
        await harness.AddUserAsync("gone@acme.test", AccountRole.Admin, active: false);

        var candidates = await harness.AccountService.ListImpersonationCandidatesAsync(CredentialsHarness.OrganizationId, default);

        candidates.Should().ContainSingle().Which.Id.Should().Be(harness.AdminId);
    }

    [Fact]
    public async Task Changing_role_returns_the_updated_account()
    {
        var harness = await CredentialsHarness.StartAsync();
        var memberId = await harness.AddUserAsync("member@acme.test", AccountRole.Member);

        var promoted = await harness.AccountService.ChangeRoleAsync(CredentialsHarness.OrganizationId, memberId, AccountRole.Admin, default);

        promoted.Role.Should().Be(AccountRole.Admin);
        promoted.IsActiveAdmin.Should().BeTrue();
        (await harness.AccountService.ListAsync(CredentialsHarness.OrganizationId, AccountRole.Admin, default)).Should().HaveCount(2);
    }

    [Fact]
    public async Task Changing_role_of_unknown_user_is_not_found()
    {
        var harness = await CredentialsHarness.StartAsync();

        var act = () => harness.AccountService.ChangeRoleAsync(CredentialsHarness.OrganizationId, "nobody", AccountRole.Admin, default);

        (await act.Should().ThrowAsync<RequestRejectedException>()).Which.Kind.Should().Be(RejectionKind.NotFound);
    }

    [Fact]
    public async Task Unknown_organization_is_not_found()
    {
        var harness = await CredentialsHarness.StartAsync();

        var act = () => harness.AccountService.ListAsync("nope", null, default);

        (await act.Should().ThrowAsync<RequestRejectedException>()).Which.Kind.Should().Be(RejectionKind.NotFound);
    }

    [Fact]
    public async Task Demoting_the_impersonated_admin_makes_the_clients_calls_forbidden_at_once()
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync();
        var secret = await harness.CreateSecretAsync(client);
        (await harness.AuthenticateBearerAsync(secret.SecretKey)).Succeeded.Should().BeTrue();
        await harness.AddUserAsync("second-admin@acme.test", AccountRole.Admin);

        await harness.AccountService.ChangeRoleAsync(CredentialsHarness.OrganizationId, harness.AdminId, AccountRole.Member, default);

        var result = await harness.AuthenticateBearerAsync(secret.SecretKey);
        result.Failure!.Status.Should().Be(403);
        result.Failure.Detail.Should().Be(
            "The impersonated user 'admin@acme.test' is not an active Admin in AutoRFP (they have the Member role); "
            + "give them the Admin role, or create a new client that impersonates an active Admin instead of client 'Okta SCIM Production'.");
    }

    [Fact]
    public async Task Demoting_the_last_active_admin_is_refused()
    {
        var harness = await CredentialsHarness.StartAsync();

        var act = () => harness.AccountService.ChangeRoleAsync(CredentialsHarness.OrganizationId, harness.AdminId, AccountRole.Member, default);

        (await act.Should().ThrowAsync<RequestRejectedException>()).Which.Kind.Should().Be(RejectionKind.Conflict);
        (await harness.AccountService.ListAsync(CredentialsHarness.OrganizationId, AccountRole.Admin, default)).Should().ContainSingle(a => a.Id == harness.AdminId);
    }
}
