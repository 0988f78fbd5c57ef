using System.Text.Json;
using AutoRfpHex.ApiClient.Admin;
using AutoRfpHex.ApiClient.OAuth;
using AutoRfpHex.ApiClient.Scim;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.EndToEnd.Tests.Walkthrough;

/// <summary>
/// The admin guide, step by step, over real HTTP with the clients generated from the contracts: turn SCIM on,
/// create a client with a new integration Admin, create a secret key, get tokens, then provision users and groups
/// as an identity provider would, and read the provisioning log. Then the same SCIM calls with the two direct modes.
/// </summary>
public sealed class AdminGuideWalkthroughTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private ServiceHost Host => fixture.Host;

    [Fact]
    public async Task Admin_connects_an_identity_provider_that_then_provisions_users_and_groups_with_access_tokens()
    {
        var organization = await Host.CreateOrganizationAsync(ProvisioningSetup.NewOrganizationId("guide"), scimEnabled: false);
        using var adminHttp = Host.CreateAdminHttpClient(organization);
        var admin = new AdminClient(adminHttp);

        // Part 1: turn SCIM provisioning on. Until then, no client can be made.
        (await admin.GetOrganizationAsync()).Result.ScimEnabled.Should().BeFalse();
        var refused = () => admin.CreateOAuthClientAsync(NewClient("Okta SCIM Production", organization.OrganizationId));
        var whileOff = (await refused.Should().ThrowAsync<AdminApiException<ProblemDetails>>()).Which;
        whileOff.StatusCode.Should().Be(409);
        whileOff.Result.Detail.Should().Contain("SCIM provisioning").And.Contain("off");

        var switchedOn = await admin.SetScimProvisioningAsync(new ScimProvisioningSetting { Enabled = true });
        switchedOn.Result.ScimEnabled.Should().BeTrue();
        switchedOn.Result.Id.Should().Be(organization.OrganizationId);
        switchedOn.Result.ScimBaseUrl.Should().Be(new Uri(Host.BaseAddress, "scim/v2"));
        switchedOn.Result.TokenEndpoint.Should().Be(new Uri(Host.BaseAddress, "oauth/token"));

        // Part 2, step 1: a client for production with a new integration-specific Admin.
        var created = await admin.CreateOAuthClientAsync(NewClient("Okta SCIM Production", organization.OrganizationId));
        created.StatusCode.Should().Be(201);
        var client = created.Result;
        client.Environment.Should().Be(ClientEnvironment.Production);
        client.ImpersonatedUser.UserName.Should().Be("okta-scim@" + organization.OrganizationId + ".example");
        client.ActiveSecretCount.Should().Be(0);
        client.ScimBaseUrl.Should().Be(new Uri(Host.BaseAddress, "scim/v2"));
        var admins = (await admin.ListUsersAsync(UserRole.Admin)).Result;
        admins.Should().ContainSingle(u => u.Id == client.ImpersonatedUser.Id).Which.IntegrationUser.Should().BeTrue();
        admins.Should().Contain(u => u.Id == organization.AdminUserId);
        (await admin.ListOAuthClientsAsync()).Result.Select(c => c.ClientId).Should().Equal(client.ClientId);

        // Step 3: the secret key, shown once, never again.
        var secretResponse = await admin.CreateClientSecretAsync(client.ClientId, new CreateClientSecretRequest { Name = "Production Secret Key" });
        secretResponse.StatusCode.Should().Be(201);
        secretResponse.Headers["Cache-Control"].Should().Contain(v => v.Contains("no-store"));
        var secret = secretResponse.Result;
        secret.Secret.Should().NotBeNullOrWhiteSpace();
        secret.Hint.Should().NotContain(secret.Secret);
        var listed = (await admin.ListClientSecretsAsync(client.ClientId)).Result;
        listed.Should().ContainSingle().Which.Status.Should().Be(SecretStatus.Active);
        JsonSerializer.Serialize(listed).Should().NotContain(secret.Secret);
        (await admin.GetOAuthClientAsync(client.ClientId)).Result.ActiveSecretCount.Should().Be(1);

        // Entra's "OAuth2 Client Credentials Grant": client_secret_basic, then client_secret_post.
        var basicToken = await TokenWithBasicAsync(client.ClientId, secret.Secret);
        using var anonymous = Host.CreateHttpClient();
        var postToken = await new OAuthServerClient(anonymous).RequestTokenAsync("client_credentials", client.ClientId, secret.Secret);
        postToken.StatusCode.Should().Be(200);
        postToken.Result.Token_type.Should().Be("Bearer");
        postToken.Result.Expires_in.Should().Be(3600);

        // The identity provider provisions.
        using var scimHttp = Host.CreateHttpClient(AuthHeaders.Bearer(basicToken));
        var steps = new ScimProvisioningSteps(new ScimClient(scimHttp), organization.OrganizationId + ".example");
        await steps.RunAsync();
        using var postTokenHttp = Host.CreateHttpClient(AuthHeaders.Bearer(postToken.Result.Access_token));
        var listedWithPostToken = await new ScimClient(postTokenHttp).ListUsersAsync(filter: "externalId eq \"00u-bob\"");
        listedWithPostToken.Result.TotalResults.Should().Be(1);

        // "SCIM Sync Not Working": the provisioning log shows every call and token request, newest first.
        var log = (await admin.ListProvisioningEventsAsync(clientId: client.ClientId, count: 200)).Result;
        log.Events.Select(e => e.Time).Should().BeInDescendingOrder();
        log.Events.Should().Contain(e => e.Operation == "token" && e.Outcome == EventOutcome.Success);
        log.Events.Should().Contain(e => e.Operation == "POST /Users" && e.Status == 201 && e.ResourceId == steps.CreatedUserIds[0]);
        log.Events.Should().Contain(e => e.Operation.StartsWith("DELETE /Users") && e.ResourceId == steps.DeletedUserId && e.Status == 204);
        log.Events.Should().Contain(e => e.Operation.StartsWith("PATCH /Groups") && e.Outcome == EventOutcome.Success);
        log.Events.Should().OnlyContain(e => e.ClientId == client.ClientId);
        log.Events.Where(e => e.Operation != "token").Should().OnlyContain(e => e.ImpersonatedUserId == client.ImpersonatedUser.Id);
        var failures = (await admin.ListProvisioningEventsAsync(clientId: client.ClientId, outcome: EventOutcome.Failure)).Result;
        failures.Events.Should().Contain(e => e.Operation == "POST /Users" && e.Status == 409 && !string.IsNullOrEmpty(e.ErrorDetail));
        failures.Events.Should().OnlyContain(e => e.Outcome == EventOutcome.Failure);
        JsonSerializer.Serialize(log).Should().NotContain(secret.Secret);
    }

    [Theory]
    [InlineData(ScimAuthMode.SecretAsBearer)]
    [InlineData(ScimAuthMode.Basic)]
    public async Task The_same_scim_calls_work_with_the_secret_key_presented_directly(ScimAuthMode mode)
    {
        var organization = await Host.CreateOrganizationAsync(ProvisioningSetup.NewOrganizationId("direct"), scimEnabled: false);
        using var adminHttp = Host.CreateAdminHttpClient(organization);
        var admin = new AdminClient(adminHttp);
        await admin.SetScimProvisioningAsync(new ScimProvisioningSetting { Enabled = true });
        var client = (await admin.CreateOAuthClientAsync(NewClient("Okta HTTP Header", organization.OrganizationId))).Result;
        var secret = (await admin.CreateClientSecretAsync(client.ClientId, new CreateClientSecretRequest { Name = "Okta key" })).Result;

        using var scimHttp = Host.CreateHttpClient(mode == ScimAuthMode.Basic
            ? AuthHeaders.Basic(client.ClientId, secret.Secret)
            : AuthHeaders.Bearer(secret.Secret));
        var steps = new ScimProvisioningSteps(new ScimClient(scimHttp), organization.OrganizationId + ".example");
        await steps.RunAsync();

        var log = (await admin.ListProvisioningEventsAsync(clientId: client.ClientId, count: 200)).Result;
        log.Events.Should().Contain(e => e.Operation == "POST /Users" && e.ResourceId == steps.CreatedUserIds[1]);
        JsonSerializer.Serialize(log).Should().NotContain(secret.Secret);
    }

    private static CreateOAuthClientRequest NewClient(string name, string organizationId) => new()
    {
        Name = name,
        Environment = ClientEnvironment.Production,
        CreateImpersonationUser = new NewImpersonationUser { Email = $"okta-scim@{organizationId}.example", DisplayName = "Okta SCIM integration" },
    };

    private async Task<string> TokenWithBasicAsync(string clientId, string secret)
    {
        using var http = Host.CreateHttpClient(AuthHeaders.Basic(Uri.EscapeDataString(clientId), Uri.EscapeDataString(secret)));
        var token = await new OAuthServerClient(http).RequestTokenAsync("client_credentials", scope: "scim");
        token.StatusCode.Should().Be(200);
        token.Headers["Cache-Control"].Should().Contain(v => v.Contains("no-store"));
        token.Result.Token_type.Should().Be("Bearer");
        token.Result.Expires_in.Should().Be(3600);
        token.Result.Access_token.Split('.').Should().HaveCount(3, "the access token is a JWT");
        return token.Result.Access_token;
    }
}
