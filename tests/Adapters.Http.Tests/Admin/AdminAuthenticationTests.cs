using System.Net;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.Adapters.Http.Tests.Admin;

/// <summary>The admin API takes an Admin's JWT; everything else is 401 (or 403 for a non-Admin) with a problem body.</summary>
public sealed class AdminAuthenticationTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private ServiceHost Host => fixture.Host;

    public static TheoryData<string, string> Endpoints() => new()
    {
        { "GET", "api/v1/organization" },
        { "PUT", "api/v1/organization/scim" },
        { "GET", "api/v1/users?role=admin" },
        { "PATCH", "api/v1/users/some-user" },
        { "GET", "api/v1/oauth-clients" },
        { "POST", "api/v1/oauth-clients" },
        { "GET", "api/v1/oauth-clients/arfp_client_x" },
        { "DELETE", "api/v1/oauth-clients/arfp_client_x" },
        { "POST", "api/v1/oauth-clients/arfp_client_x/secrets" },
        { "GET", "api/v1/oauth-clients/arfp_client_x/secrets" },
        { "DELETE", "api/v1/oauth-clients/arfp_client_x/secrets/ks_x" },
        { "GET", "api/v1/provisioning-events" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Without_a_token_every_endpoint_is_401_with_a_bearer_challenge(string method, string path)
    {
        using var anonymous = Host.CreateHttpClient();

        using var response = await anonymous.SendAsync(Request(method, path));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Select(h => h.Scheme).Should().Contain("Bearer");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwib3JnIjoiZGVtbyJ9.")]
    [InlineData("scim access token")]
    [InlineData("secret key")]
    public async Task A_token_that_is_not_an_admin_token_is_401(string kind)
    {
        var organization = await Host.CreateScimOrganizationAsync("admauth");
        var connection = await Host.ConnectAsync(organization);
        var token = kind switch
        {
            "scim access token" => await Host.RequestAccessTokenAsync(connection),
            "secret key" => connection.Secret,
            _ => kind,
        };
        using var client = Host.CreateHttpClient(AuthHeaders.Bearer(token));

        using var response = await client.GetAsync("api/v1/oauth-clients");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().NotContain(connection.ClientId, "nothing of the organization leaks");
    }

    [Fact]
    public async Task A_valid_token_of_a_member_is_403()
    {
        var organization = await Host.CreateScimOrganizationAsync("admmember");
        var connection = await Host.ConnectAsync(organization);
        using var scim = await Host.CreateScimHttpClientAsync(connection, ScimAuthMode.SecretAsBearer);
        var member = await scim.CreateUserAsync("member@example.com");
        using var client = Host.CreateHttpClient(AuthHeaders.Bearer(Host.AdminTokenFor(organization.OrganizationId, member)));

        using var response = await client.GetAsync("api/v1/oauth-clients");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_organization_comes_from_the_token()
    {
        var organization = await Host.CreateScimOrganizationAsync("admorg");
        using var admin = Host.CreateAdminHttpClient(organization);

        var body = await admin.GetAsync("api/v1/organization");

        await body.ShouldHaveStatusAsync(HttpStatusCode.OK);
        ((string?)(await body.ReadJsonObjectAsync())["id"]).Should().Be(organization.OrganizationId);
    }

    private static HttpRequestMessage Request(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }
}
