using System.Net;
using System.Text.Json.Nodes;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.Adapters.Http.Tests.Admin;

/// <summary>Creating, reading and deleting OAuth clients, and every refusal with its RFC 9457 problem.</summary>
public sealed class OAuthClientManagementTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private ServiceHost Host => fixture.Host;

    [Fact]
    public async Task While_scim_is_off_clients_and_secrets_are_refused_with_a_clear_conflict()
    {
        var organization = await Host.CreateScimOrganizationAsync("off");
        var clientId = await Host.CreateClientAsync(organization, "production", $$"""{"impersonateUserId":"{{organization.AdminUserId}}"}""");
        await Host.SetScimAsync(organization, enabled: false);
        using var admin = Host.CreateAdminHttpClient(organization);

        using var client = await admin.PostJsonAsync("api/v1/oauth-clients", NewClient(organization), "application/json");
        var problem = await client.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        ((string)problem["detail"]!).Should().Contain("SCIM provisioning").And.Contain("off");

        using var secret = await admin.PostJsonAsync($"api/v1/oauth-clients/{clientId}/secrets", """{"name":"While off"}""", "application/json");
        ((string)(await secret.ShouldBeProblemAsync(HttpStatusCode.Conflict))["detail"]!).Should().Contain("SCIM provisioning");

        using var list = await admin.GetAsync("api/v1/oauth-clients");
        (await list.ReadJsonAsync()).AsArray().Should().ContainSingle("the refused create stored nothing");
    }

    [Fact]
    public async Task A_client_impersonating_an_existing_admin_is_created_listed_read_and_deleted()
    {
        var organization = await Host.CreateScimOrganizationAsync("crud");
        using var admin = Host.CreateAdminHttpClient(organization);

        using var created = await admin.PostJsonAsync("api/v1/oauth-clients",
            $$"""{"name":"Entra ID Sandbox","environment":"sandbox","impersonateUserId":"{{organization.AdminUserId}}"}""", "application/json");

        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var client = await created.ReadJsonObjectAsync();
        var clientId = (string)client["clientId"]!;
        created.Headers.Location!.ToString().Should().EndWith("/api/v1/oauth-clients/" + clientId);
        ((string?)client["environment"]).Should().Be("sandbox");
        ((string?)client["impersonatedUser"]!["id"]).Should().Be(organization.AdminUserId);
        ((string?)client["scimBaseUrl"]).Should().Be(new Uri(Host.BaseAddress, "scim/v2").ToString());
        ((string?)client["tokenEndpoint"]).Should().Be(new Uri(Host.BaseAddress, "oauth/token").ToString());

        var read = await (await admin.GetAsync("api/v1/oauth-clients/" + clientId)).ReadJsonObjectAsync();
        ((string?)read["name"]).Should().Be("Entra ID Sandbox");
        (await (await admin.GetAsync("api/v1/oauth-clients")).ReadJsonAsync()).AsArray().Select(c => (string?)c!["clientId"]).Should().Equal(clientId);

        (await admin.DeleteAsync("api/v1/oauth-clients/" + clientId)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await admin.GetAsync("api/v1/oauth-clients/" + clientId)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await admin.GetAsync("api/v1/oauth-clients")).ReadJsonAsync()).AsArray().Should().BeEmpty();
        using var users = await admin.GetAsync("api/v1/users?role=admin");
        (await users.ReadJsonAsync()).AsArray().Select(u => (string?)u!["id"]).Should().Contain(organization.AdminUserId, "the impersonated user stays");
    }

    public static TheoryData<string, string> InvalidClients() => new()
    {
        { "both impersonation choices", """{"name":"x","environment":"production","impersonateUserId":"{admin}","createImpersonationUser":{"email":"i@example.com","displayName":"I"}}""" },
        { "no impersonation choice", """{"name":"x","environment":"production"}""" },
        { "no name", """{"environment":"production","impersonateUserId":"{admin}"}""" },
        { "empty name", """{"name":"","environment":"production","impersonateUserId":"{admin}"}""" },
        { "unknown environment", """{"name":"x","environment":"staging","impersonateUserId":"{admin}"}""" },
        { "environment of the wrong type", """{"name":"x","environment":1,"impersonateUserId":"{admin}"}""" },
        { "malformed JSON", """{"name":"x","environment":""" },
        { "an array", """[]""" },
        { "a lone surrogate in the name", """{"name":"x\ud800","environment":"production","impersonateUserId":"{admin}"}""" },
        { "duplicate keys", """{"name":"x","name":"y","environment":"production","impersonateUserId":"{admin}"}""" },
        { "new user without email", """{"name":"x","environment":"production","createImpersonationUser":{"displayName":"I"}}""" },
    };

    [Theory]
    [MemberData(nameof(InvalidClients))]
    public async Task An_invalid_create_request_is_400_and_creates_nothing(string because, string body)
    {
        var organization = await Host.CreateScimOrganizationAsync("badclient");
        using var admin = Host.CreateAdminHttpClient(organization);

        using var response = await admin.PostJsonAsync("api/v1/oauth-clients", body.Replace("{admin}", organization.AdminUserId), "application/json");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await (await admin.GetAsync("api/v1/oauth-clients")).ReadJsonAsync()).AsArray().Should().BeEmpty(because);
        (await (await admin.GetAsync("api/v1/users")).ReadJsonAsync()).AsArray().Should().ContainSingle(because + ": no user was created");
    }

    [Fact]
    public async Task Impersonating_an_unknown_user_is_refused()
    {
        var organization = await Host.CreateScimOrganizationAsync("unknownuser");
        using var admin = Host.CreateAdminHttpClient(organization);

        using var response = await admin.PostJsonAsync("api/v1/oauth-clients",
            """{"name":"x","environment":"production","impersonateUserId":"no-such-user"}""", "application/json");

        response.StatusCode.Should().BeOneOf([HttpStatusCode.BadRequest, HttpStatusCode.NotFound], await response.DescribeAsync());
        await response.ShouldBeProblemAsync(response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "api/v1/oauth-clients/arfp_client_nope")]
    [InlineData("DELETE", "api/v1/oauth-clients/arfp_client_nope")]
    [InlineData("GET", "api/v1/oauth-clients/arfp_client_nope/secrets")]
    [InlineData("POST", "api/v1/oauth-clients/arfp_client_nope/secrets")]
    [InlineData("DELETE", "api/v1/oauth-clients/arfp_client_nope/secrets/ks_nope")]
    [InlineData("PATCH", "api/v1/users/no-such-user")]
    public async Task An_unknown_id_is_404_with_a_problem(string method, string path)
    {
        var organization = await Host.CreateScimOrganizationAsync("admin404");
        using var admin = Host.CreateAdminHttpClient(organization);
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PATCH")
        {
            request.Content = new StringContent(method == "POST" ? """{"name":"k"}""" : """{"role":"admin"}""", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await admin.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Creating_a_client_with_a_new_integration_user_makes_an_integration_admin()
    {
        var organization = await Host.CreateScimOrganizationAsync("integ");
        using var admin = Host.CreateAdminHttpClient(organization);

        using var created = await admin.PostJsonAsync("api/v1/oauth-clients", NewClient(organization), "application/json");

        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var userId = (string)(await created.ReadJsonObjectAsync())["impersonatedUser"]!["id"]!;
        var admins = (await (await admin.GetAsync("api/v1/users?role=admin")).ReadJsonAsync()).AsArray();
        var user = admins.Single(u => (string?)u!["id"] == userId)!;
        ((bool)user["integrationUser"]!).Should().BeTrue();
        ((bool)user["active"]!).Should().BeTrue();
        ((string?)user["role"]).Should().Be("admin");
    }

    private static string NewClient(TestOrganization organization) => new JsonObject
    {
        ["name"] = "Okta SCIM Production",
        ["environment"] = "production",
        ["createImpersonationUser"] = new JsonObject { ["email"] = $"okta@{organization.OrganizationId}.example", ["displayName"] = "Okta SCIM" },
    }.ToJsonString();
}
