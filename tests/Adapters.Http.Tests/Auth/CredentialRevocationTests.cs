using System.Net;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.Adapters.Http.Tests.Auth;

/// <summary>
/// A new secret, a revoked secret, a deleted client or SCIM turned off stop the credential within seconds, in every
/// mode: at the token endpoint, for access tokens already issued, and for the secret presented directly.
/// </summary>
public sealed class CredentialRevocationTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private ServiceHost Host => fixture.Host;

    [Fact]
    public async Task A_new_secret_makes_the_previous_one_fail_in_every_mode()
    {
        var (organization, old, clients) = await ConnectedAsync("rotate");

        var (newSecretId, newSecret) = await Host.CreateSecretAsync(organization, old.ClientId);

        await ExpectAllRefusedAsync(clients, HttpStatusCode.Unauthorized);
        using (var token = await Host.PostTokenRequestAsync(old.ClientId, old.Secret))
        {
            await token.ShouldBeOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
        }

        var current = old with { Secret = newSecret, SecretId = newSecretId };
        using var fresh = await Host.CreateScimHttpClientAsync(current, ScimAuthMode.SecretAsBearer);
        await (await fresh.GetAsync("scim/v2/Users")).ShouldBeListResponseAsync();
        using var freshToken = await Host.CreateScimHttpClientAsync(current, ScimAuthMode.AccessToken);
        await (await freshToken.GetAsync("scim/v2/Users")).ShouldBeListResponseAsync();
    }

    [Fact]
    public async Task A_grace_period_keeps_the_previous_secret_working_alongside_the_new_one()
    {
        var (organization, old, clients) = await ConnectedAsync("grace");

        var (_, newSecret) = await Host.CreateSecretAsync(organization, old.ClientId, previousSecretGracePeriodMinutes: 60);
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // past the state cache, so "still works" is a real answer

        foreach (var client in clients.Values)
        {
            await (await client.GetAsync("scim/v2/Users")).ShouldBeListResponseAsync();
        }

        using (var token = await Host.PostTokenRequestAsync(old.ClientId, old.Secret))
        {
            await token.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        using var fresh = await Host.CreateScimHttpClientAsync(old with { Secret = newSecret }, ScimAuthMode.Basic);
        await (await fresh.GetAsync("scim/v2/Users")).ShouldBeListResponseAsync();
    }

    [Fact]
    public async Task Revoking_a_secret_stops_it_and_its_access_tokens()
    {
        var (organization, connection, clients) = await ConnectedAsync("revoke");
        using var admin = Host.CreateAdminHttpClient(organization);

        using var revoked = await admin.DeleteAsync($"api/v1/oauth-clients/{connection.ClientId}/secrets/{connection.SecretId}");
        await revoked.ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await ExpectAllRefusedAsync(clients, HttpStatusCode.Unauthorized);
        using var token = await Host.PostTokenRequestAsync(connection.ClientId, connection.Secret);
        await token.ShouldBeOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task Deleting_the_client_stops_all_its_credentials()
    {
        var (organization, connection, clients) = await ConnectedAsync("delclient");
        using var admin = Host.CreateAdminHttpClient(organization);

        using var deleted = await admin.DeleteAsync($"api/v1/oauth-clients/{connection.ClientId}");
        await deleted.ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await ExpectAllRefusedAsync(clients, HttpStatusCode.Unauthorized);
        using var token = await Host.PostTokenRequestAsync(connection.ClientId, connection.Secret);
        await token.ShouldBeOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
        (await admin.GetAsync($"api/v1/oauth-clients/{connection.ClientId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Turning_scim_off_refuses_every_credential_and_turning_it_on_restores_them()
    {
        var (organization, connection, clients) = await ConnectedAsync("scimoff");

        await Host.SetScimAsync(organization, enabled: false);

        // The contract and the issue: with SCIM off a known credential gets 403 and a detail that says why.
        foreach (var (mode, client) in clients)
        {
            using var refused = await Eventually.StatusAsync(() => client.GetAsync("scim/v2/Users"), HttpStatusCode.Forbidden);
            var error = await refused.ShouldBeScimErrorAsync(HttpStatusCode.Forbidden);
            ((string)error["detail"]!).Should().Contain("SCIM provisioning", $"{mode}: the detail names the switch").And.Contain("off");
        }

        using (var token = await Host.PostTokenRequestAsync(connection.ClientId, connection.Secret))
        {
            await token.ShouldBeOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
        }

        await Host.SetScimAsync(organization, enabled: true);
        foreach (var client in clients.Values)
        {
            using var restored = await Eventually.StatusAsync(() => client.GetAsync("scim/v2/Users"), HttpStatusCode.OK);
            await restored.ShouldBeListResponseAsync();
        }
    }

    private async Task<(TestOrganization Organization, ScimConnection Connection, Dictionary<ScimAuthMode, HttpClient> Clients)> ConnectedAsync(string prefix)
    {
        var organization = await Host.CreateScimOrganizationAsync(prefix);
        var connection = await Host.ConnectAsync(organization);
        var clients = new Dictionary<ScimAuthMode, HttpClient>();
        foreach (var mode in Enum.GetValues<ScimAuthMode>())
        {
            clients[mode] = await Host.CreateScimHttpClientAsync(connection, mode);
            await (await clients[mode].GetAsync("scim/v2/Users")).ShouldBeListResponseAsync();
        }

        return (organization, connection, clients);
    }

    private static async Task ExpectAllRefusedAsync(Dictionary<ScimAuthMode, HttpClient> clients, HttpStatusCode status)
    {
        foreach (var (mode, client) in clients)
        {
            using var response = await Eventually.StatusAsync(() => client.GetAsync("scim/v2/Users"), status);
            response.StatusCode.Should().Be(status, $"{mode} must stop working within {Eventually.Deadline.TotalSeconds} s");
            await response.ShouldBeScimErrorAsync(status);
        }
    }
}
