using System.Net;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.Adapters.Http.Tests.Auth;

/// <summary>One credential, three ways in: an access token, the secret key as a bearer token, Basic client_id:secret.</summary>
public sealed class ScimCredentialModesTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private ServiceHost Host => fixture.Host;

    [Theory]
    [InlineData(ScimAuthMode.AccessToken)]
    [InlineData(ScimAuthMode.SecretAsBearer)]
    [InlineData(ScimAuthMode.Basic)]
    public async Task Each_mode_reads_and_writes_the_clients_tenant(ScimAuthMode mode)
    {
        using var session = await ScimSession.StartAsync(Host, "modes", mode: mode);

        var id = await session.Scim.CreateUserAsync("alice@example.com");

        using var list = await session.Scim.GetAsync("scim/v2/Users?filter=userName%20eq%20%22alice%40example.com%22");
        ((string?)(await list.ShouldBeListResponseAsync()).Resources().Single()["id"]).Should().Be(id);
    }

    [Fact]
    public async Task A_token_from_client_secret_post_works_like_one_from_client_secret_basic()
    {
        var organization = await Host.CreateScimOrganizationAsync("post");
        var connection = await Host.ConnectAsync(organization);
        using var anonymous = Host.CreateHttpClient();
        using var tokenResponse = await anonymous.PostAsync("oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = connection.ClientId,
            ["client_secret"] = connection.Secret,
        }));
        await tokenResponse.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var token = (string)(await tokenResponse.ReadJsonObjectAsync())["access_token"]!;

        using var scim = Host.CreateHttpClient(AuthHeaders.Bearer(token));
        using var response = await scim.GetAsync("scim/v2/Users");

        await response.ShouldBeListResponseAsync();
    }

    [Fact]
    public async Task Basic_accepts_a_url_encoded_client_id_and_secret_as_rfc_6749_sends_them()
    {
        var organization = await Host.CreateScimOrganizationAsync("b64");
        var connection = await Host.ConnectAsync(organization);
        using var scim = Host.CreateHttpClient(AuthHeaders.Basic(Uri.EscapeDataString(connection.ClientId), Uri.EscapeDataString(connection.Secret)));

        using var response = await scim.GetAsync("scim/v2/Users");

        await response.ShouldBeListResponseAsync();
    }
}
