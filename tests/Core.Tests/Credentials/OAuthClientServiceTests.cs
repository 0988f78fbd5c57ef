using System.Text.Json.Nodes;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Common;
using AutoRfpHex.Core.Credentials;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Tests.Credentials;

public sealed class OAuthClientServiceTests
{
    private const string Org = CredentialsHarness.OrganizationId;

    private static async Task<RequestRejectedException> Rejected(Func<Task> act) =>
        (await act.Should().ThrowAsync<RequestRejectedException>()).Which;

    [Fact]
    public async Task Client_impersonating_an_existing_admin_is_created_with_an_unguessable_id()
    {
        var harness = await CredentialsHarness.StartAsync();

        var client = await harness.ClientService.CreateAsync(
            Org, new CreateOAuthClientCommand("  Okta SCIM Production  ", DeploymentEnvironment.Production, harness.AdminId, null), default);

        client.ClientId.Should().MatchRegex("^arfp_client_[0-9A-Za-z]{20}$");
        client.Name.Should().Be("Okta SCIM Production");
        client.Environment.Should().Be(DeploymentEnvironment.Production);
        client.ImpersonatedUserId.Should().Be(harness.AdminId);
        client.OrganizationId.Should().Be(Org);
        client.CreatedAt.Should().Be(harness.Time.GetUtcNow());
        (await harness.ClientService.GetAsync(Org, client.ClientId, default)).Should().Be(client);
    }

    [Fact]
    public async Task Client_with_a_new_impersonation_user_creates_an_integration_admin()
    {
        var harness = await CredentialsHarness.StartAsync();

        var client = await harness.ClientService.CreateAsync(
            Org,
            new CreateOAuthClientCommand("Entra", DeploymentEnvironment.Sandbox, null, new NewImpersonationUser(" entra-scim@acme.test ", "Entra SCIM")),
            default);

        var user = await harness.Users.GetAsync(CredentialsHarness.Production(), ScimResourceType.User, client.ImpersonatedUserId, ResourceLoadOptions.DocumentOnly, default);
        user!.Role.Should().Be(AccountRole.Admin);
        user.IsIntegrationUser.Should().BeTrue();
        JsonNode.DeepEquals(user.Attributes, JsonNode.Parse("""
            {"userName":"entra-scim@acme.test","displayName":"Entra SCIM",
             "emails":[{"value":"entra-scim@acme.test","type":"work","primary":true}],"active":true}
            """)).Should().BeTrue(user.Attributes.ToJsonString());
        client.Environment.Should().Be(DeploymentEnvironment.Sandbox, "even a sandbox client impersonates a production account");
    }

    [Fact]
    public async Task New_impersonation_user_whose_email_is_taken_is_a_conflict()
    {
        var harness = await CredentialsHarness.StartAsync();

        var rejection = await Rejected(() => harness.ClientService.CreateAsync(
            Org, new CreateOAuthClientCommand("Okta", DeploymentEnvironment.Production, null, new NewImpersonationUser("ADMIN@acme.test", "Dup")), default));

        rejection.Kind.Should().Be(RejectionKind.Conflict);
        rejection.Detail.Should().Contain("'ADMIN@acme.test' already exists");
        (await harness.ClientService.ListAsync(Org, default)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("not-an-email", "Name")]
    [InlineData("Jo <jo@acme.test>", "Name")]
    [InlineData("", "Name")]
    [InlineData("jo@acme.test", "  ")]
    public async Task New_impersonation_user_needs_a_valid_email_and_display_name(string email, string displayName)
    {
        var harness = await CredentialsHarness.StartAsync();

        var rejection = await Rejected(() => harness.ClientService.CreateAsync(
            Org, new CreateOAuthClientCommand("Okta", DeploymentEnvironment.Production, null, new NewImpersonationUser(email, displayName)), default));

        rejection.Kind.Should().Be(RejectionKind.Invalid);
        (await harness.AccountService.ListAsync(Org, null, default)).Should().ContainSingle("no user is created");
    }

    [Fact]
    public async Task Both_or_neither_impersonation_choice_is_invalid()
    {
        var harness = await CredentialsHarness.StartAsync();

        var both = await Rejected(() => harness.ClientService.CreateAsync(
            Org, new CreateOAuthClientCommand("Okta", DeploymentEnvironment.Production, harness.AdminId, new NewImpersonationUser("a@acme.test", "A")), default));
        var neither = await Rejected(() => harness.ClientService.CreateAsync(
            Org, new CreateOAuthClientCommand("Okta", DeploymentEnvironment.Production, " ", null), default));

        both.Kind.Should().Be(RejectionKind.Invalid);
        both.Detail.Should().Contain("not both");
        neither.Kind.Should().Be(RejectionKind.Invalid);
        neither.Detail.Should().Contain("Choose the user the client impersonates");
        (await harness.AccountService.ListAsync(Org, null, default)).Should().ContainSingle();
    }

    [Fact]
    public async Task Impersonated_user_must_exist_in_the_production_tenant_of_the_organization()
    {
        var harness = await CredentialsHarness.StartAsync();
        await harness.AddOrganizationAsync("other", true);
        var foreignAdmin = await harness.AddUserAsync("boss@other.test", AccountRole.Admin, organizationId: "other");

        var rejection = await Rejected(() => harness.ClientService.CreateAsync(
            Org, new CreateOAuthClientCommand("Okta", DeploymentEnvironment.Production, foreignAdmin, null), default));

        rejection.Kind.Should().Be(RejectionKind.Invalid);
        rejection.Detail.Should().Be($"No user with id '{foreignAdmin}' exists in this organization's production directory; choose one of its active Admins.");
    }

    [Fact]
    public async Task Impersonated_user_must_be_an_admin()
    {
        var harness = await CredentialsHarness.StartAsync();
        var member = await harness.AddUserAsync("member@acme.test", AccountRole.Member);

        var rejection = await Rejected(() => harness.ClientService.CreateAsync(
            Org, new CreateOAuthClientCommand("Okta", DeploymentEnvironment.Production, member, null), default));

        rejection.Kind.Should().Be(RejectionKind.Invalid);
        rejection.Detail.Should().Be(
            "The user 'member@acme.test' cannot be impersonated: only an active Admin can, and they have the Member role; give them the Admin role, or choose another user.");
    }

    [Fact]
    public async Task Impersonated_user_must_be_active()
    {
        var harness = await CredentialsHarness.StartAsync();
        var inactive = await harness.AddUserAsync("gone@acme.test", AccountRole.Admin, active: false);

        var rejection = await Rejected(() => harness.ClientService.CreateAsync(
            Org, new CreateOAuthClientCommand("Okta", DeploymentEnvironment.Production, inactive, null), default));

        rejection.Detail.Should().Contain("'gone@acme.test'").And.Contain("they are deactivated");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Client_name_is_required(string name)
    {
        var harness = await CredentialsHarness.StartAsync();

        var rejection = await Rejected(() => harness.CreateClientAsync(name));

        rejection.Kind.Should().Be(RejectionKind.Invalid);
        rejection.Detail.Should().Be("The client name is required.");
    }

    [Fact]
    public async Task Client_name_is_at_most_100_characters_after_trimming()
    {
        var harness = await CredentialsHarness.StartAsync();

        (await harness.CreateClientAsync("  " + new string('n', 100) + "  ")).Name.Should().HaveLength(100);
        var rejection = await Rejected(() => harness.CreateClientAsync(new string('n', 101)));

        rejection.Detail.Should().Be("The client name must be at most 100 characters; it has 101.");
    }

    [Fact]
    public async Task Creating_a_client_while_scim_is_off_is_refused_with_a_clear_message()
    {
        var harness = await CredentialsHarness.StartAsync(scimEnabled: false);

        var rejection = await Rejected(() => harness.CreateClientAsync());

        rejection.Kind.Should().Be(RejectionKind.Conflict);
        rejection.Detail.Should().Be("SCIM provisioning is turned off for this organization; turn it on before managing credentials.");
    }

    [Fact]
    public async Task Listing_reading_and_deleting_still_work_while_scim_is_off()
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync();
        await harness.OrganizationService.SetScimProvisioningAsync(Org, false, default);

        (await harness.ClientService.ListAsync(Org, default)).Should().ContainSingle();
        (await harness.ClientService.GetAsync(Org, client.ClientId, default)).Should().Be(client);
        await harness.ClientService.DeleteAsync(Org, client.ClientId, default);

        (await harness.ClientService.ListAsync(Org, default)).Should().BeEmpty();
    }

    [Fact]
    public async Task Another_organizations_client_is_not_found()
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync();
        await harness.AddOrganizationAsync("other", true);

        var get = await Rejected(() => harness.ClientService.GetAsync("other", client.ClientId, default));
        var delete = await Rejected(() => harness.ClientService.DeleteAsync("other", client.ClientId, default));

        get.Kind.Should().Be(RejectionKind.NotFound);
        delete.Kind.Should().Be(RejectionKind.NotFound);
        (await harness.ClientService.ListAsync("other", default)).Should().BeEmpty();
        (await harness.ClientService.GetAsync(Org, client.ClientId, default)).Should().Be(client);
    }

    [Fact]
    public async Task Unknown_or_malformed_client_id_is_not_found()
    {
        var harness = await CredentialsHarness.StartAsync();

        (await Rejected(() => harness.ClientService.GetAsync(Org, "arfp_client_00000000000000000000", default))).Kind.Should().Be(RejectionKind.NotFound);
        (await Rejected(() => harness.ClientService.GetAsync(Org, "../etc", default))).Detail.Should().Be("No OAuth client '../etc' exists in this organization.");
    }

    [Fact]
    public async Task Deleting_a_client_deletes_its_secrets_and_stops_its_credentials()
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync();
        var secret = await harness.CreateSecretAsync(client);
        var token = await harness.RequestTokenAsync(client.ClientId, secret.SecretKey);
        (await harness.AuthenticateBearerAsync(token.AccessToken)).Succeeded.Should().BeTrue();

        await harness.ClientService.DeleteAsync(Org, client.ClientId, default);

        harness.Secrets.All.Should().BeEmpty();
        (await harness.AuthenticateBearerAsync(token.AccessToken)).Failure!.Status.Should().Be(401);
        (await harness.AuthenticateBearerAsync(secret.SecretKey)).Failure!.Status.Should().Be(401);
        await harness.Invoking(h => h.RequestTokenAsync(client.ClientId, secret.SecretKey)).Should().ThrowAsync<Core.Credentials.OAuth.OAuthException>();
    }

    [Fact]
    public async Task Clients_are_listed_per_organization()
    {
        var harness = await CredentialsHarness.StartAsync();
        var first = await harness.CreateClientAsync("Okta");
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await harness.CreateClientAsync("Entra", DeploymentEnvironment.Sandbox);

        (await harness.ClientService.ListAsync(Org, default)).Should().Equal(first, second);
    }
}
