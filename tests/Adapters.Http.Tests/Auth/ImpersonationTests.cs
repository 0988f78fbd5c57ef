using System.Net;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.Adapters.Http.Tests.Auth;

/// <summary>Every SCIM call runs as the client's impersonated user, who must be an active Admin.</summary>
public sealed class ImpersonationTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private ServiceHost Host => fixture.Host;

    [Theory]
    [InlineData(ScimAuthMode.AccessToken)]
    [InlineData(ScimAuthMode.SecretAsBearer)]
    [InlineData(ScimAuthMode.Basic)]
    public async Task Demoting_the_impersonated_user_gives_403_naming_the_user_until_promoted_again(ScimAuthMode mode)
    {
        var organization = await Host.CreateScimOrganizationAsync("demote");
        var connection = await Host.ConnectAsync(organization);
        using var scim = await Host.CreateScimHttpClientAsync(connection, mode);
        await (await scim.GetAsync("scim/v2/Users")).ShouldBeListResponseAsync();
        using var admin = Host.CreateAdminHttpClient(organization);
        var secondAdmin = await PromotedSecondAdminAsync(organization, admin);
        using var secondAdminApi = Host.CreateHttpClient(AuthHeaders.Bearer(Host.AdminTokenFor(organization.OrganizationId, secondAdmin)));

        using (var demoted = await secondAdminApi.PatchJsonAsync($"api/v1/users/{organization.AdminUserId}", """{"role":"member"}""", "application/json"))
        {
            await demoted.ShouldHaveStatusAsync(HttpStatusCode.OK);
            ((string?)(await demoted.ReadJsonObjectAsync())["role"]).Should().Be("member");
        }

        using (var refused = await Eventually.StatusAsync(() => scim.GetAsync("scim/v2/Users"), HttpStatusCode.Forbidden))
        {
            var error = await refused.ShouldBeScimErrorAsync(HttpStatusCode.Forbidden);
            ((string)error["detail"]!).Should().Contain($"admin@{organization.OrganizationId}.example").And.Contain("not an active Admin");
        }

        using (var promoted = await secondAdminApi.PatchJsonAsync($"api/v1/users/{organization.AdminUserId}", """{"role":"admin"}""", "application/json"))
        {
            await promoted.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        using var restored = await Eventually.StatusAsync(() => scim.GetAsync("scim/v2/Users"), HttpStatusCode.OK);
        await restored.ShouldBeListResponseAsync();
    }

    [Fact]
    public async Task Deactivating_the_impersonated_user_through_scim_gives_403_on_the_next_calls()
    {
        var organization = await Host.CreateScimOrganizationAsync("deact");
        var connection = await Host.ConnectAsync(organization);
        using var scim = await Host.CreateScimHttpClientAsync(connection, ScimAuthMode.SecretAsBearer);
        using (var admin = Host.CreateAdminHttpClient(organization))
        {
            await PromotedSecondAdminAsync(organization, admin); // the last active Admin cannot be deactivated
        }

        using (var deactivated = await scim.PatchJsonAsync($"scim/v2/Users/{organization.AdminUserId}",
            ScimHttp.PatchBody("""{"op":"replace","path":"active","value":false}""")))
        {
            await deactivated.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        using var refused = await Eventually.StatusAsync(() => scim.GetAsync("scim/v2/Users"), HttpStatusCode.Forbidden);
        var error = await refused.ShouldBeScimErrorAsync(HttpStatusCode.Forbidden);
        ((string)error["detail"]!).Should().Contain($"admin@{organization.OrganizationId}.example").And.Contain("not an active Admin");
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_deactivated_through_scim()
    {
        var organization = await Host.CreateScimOrganizationAsync("lastadmin");
        var connection = await Host.ConnectAsync(organization);
        using var scim = await Host.CreateScimHttpClientAsync(connection, ScimAuthMode.SecretAsBearer);

        using var refused = await scim.PatchJsonAsync($"scim/v2/Users/{organization.AdminUserId}",
            ScimHttp.PatchBody("""{"op":"replace","path":"active","value":false}"""));

        var error = await refused.ShouldBeScimErrorAsync(HttpStatusCode.Forbidden);
        ((string)error["detail"]!).Should().Contain($"admin@{organization.OrganizationId}.example");
        (await scim.GetResourceAsync($"scim/v2/Users/{organization.AdminUserId}"))["active"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task A_client_cannot_be_created_to_impersonate_a_member()
    {
        var organization = await Host.CreateScimOrganizationAsync("member");
        var connection = await Host.ConnectAsync(organization);
        using var scim = await Host.CreateScimHttpClientAsync(connection);
        var member = await scim.CreateUserAsync("member@example.com");
        using var admin = Host.CreateAdminHttpClient(organization);

        using var response = await admin.PostJsonAsync("api/v1/oauth-clients",
            $$"""{"name":"Impersonates a member","environment":"production","impersonateUserId":"{{member}}"}""", "application/json");

        response.StatusCode.Should().BeOneOf([HttpStatusCode.BadRequest, HttpStatusCode.Conflict], await response.DescribeAsync());
        var problem = await response.ShouldBeProblemAsync(response.StatusCode);
        ((string)problem["detail"]!).Should().Contain("Admin");
    }

    /// <summary>A second Admin, so the first can be demoted without the organization losing its last Admin.</summary>
    private async Task<string> PromotedSecondAdminAsync(TestOrganization organization, HttpClient admin)
    {
        var connection = await Host.ConnectAsync(organization, "production");
        using var scim = await Host.CreateScimHttpClientAsync(connection, ScimAuthMode.SecretAsBearer);
        var id = await scim.CreateUserAsync($"second-admin@{organization.OrganizationId}.example");
        using var promoted = await admin.PatchJsonAsync($"api/v1/users/{id}", """{"role":"admin"}""", "application/json");
        await promoted.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return id;
    }
}
