using System.Net;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.Adapters.Http.Tests.Tenancy;

/// <summary>
/// Organization A's credentials never see or touch organization B's users, groups, clients, secrets or provisioning
/// events, on any endpoint: foreign ids are unknown (404), lists and filters leave them out, references are invalid.
/// </summary>
public sealed class CrossOrganizationIsolationTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private ServiceHost Host => fixture.Host;

    [Theory]
    [InlineData("GET", "Users/{bob}")]
    [InlineData("PUT", "Users/{bob}")]
    [InlineData("PATCH", "Users/{bob}")]
    [InlineData("DELETE", "Users/{bob}")]
    [InlineData("GET", "Groups/{sales}")]
    [InlineData("PUT", "Groups/{sales}")]
    [InlineData("PATCH", "Groups/{sales}")]
    [InlineData("DELETE", "Groups/{sales}")]
    public async Task Another_organizations_resource_is_not_found_and_stays_unchanged(string method, string path)
    {
        var (a, b, bob, sales) = await TwoOrganizationsAsync();
        var before = await b.Scim.SnapshotAsync();
        var body = method switch
        {
            "PUT" when path.StartsWith("Users") => """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"hijacked@example.com"}""",
            "PUT" => """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Hijacked","members":[]}""",
            "PATCH" when path.StartsWith("Users") => ScimHttp.PatchBody("""{"op":"replace","path":"active","value":false}"""),
            "PATCH" => ScimHttp.PatchBody("""{"op":"remove","path":"members"}"""),
            _ => null,
        };
        var target = "scim/v2/" + path.Replace("{bob}", bob).Replace("{sales}", sales);

        using var response = body is null
            ? await a.Scim.SendAsync(new HttpRequestMessage(new HttpMethod(method), target))
            : await a.Scim.SendJsonAsync(new HttpMethod(method), target, body);

        await response.ShouldBeScimErrorAsync(HttpStatusCode.NotFound);
        (await b.Scim.SnapshotAsync()).Should().Be(before);
    }

    [Theory]
    [InlineData("scim/v2/Users")]
    [InlineData("scim/v2/Users?filter=userName%20eq%20%22bob%40b.example%22")]
    [InlineData("scim/v2/Users?filter=externalId%20eq%20%22ext-bob%22")]
    [InlineData("scim/v2/Users?filter=id%20eq%20%22{bob}%22")]
    [InlineData("scim/v2/Groups")]
    [InlineData("scim/v2/Groups?filter=displayName%20eq%20%22Sales%22")]
    public async Task Lists_and_filters_never_show_another_organizations_resources(string path)
    {
        var (a, _, bob, sales) = await TwoOrganizationsAsync();

        using var response = await a.Scim.GetAsync(path.Replace("{bob}", bob));

        var page = await response.ShouldBeListResponseAsync();
        page.Resources().Select(r => (string?)r["id"]).Should().NotContain([bob, sales]);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("bob@b.example").And.NotContain("ext-bob");
    }

    [Fact]
    public async Task Another_organizations_user_cannot_be_made_a_member()
    {
        var (a, b, bob, _) = await TwoOrganizationsAsync();
        var eng = await a.Scim.CreateGroupAsync("Engineering");

        using var create = await a.Scim.PostJsonAsync("scim/v2/Groups",
            $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Stolen","members":[{"value":"{{bob}}"}]}""");
        await create.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");

        using var patch = await a.Scim.PatchJsonAsync("scim/v2/Groups/" + eng,
            ScimHttp.PatchBody($$"""{"op":"add","path":"members","value":[{"value":"{{bob}}"}]}"""));
        await patch.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");

        using var put = await a.Scim.PutJsonAsync("scim/v2/Groups/" + eng,
            $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Engineering","members":[{"value":"{{bob}}"}]}""");
        await put.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");

        (await a.Scim.MemberIdsAsync(eng)).Should().BeEmpty();
        ((string?)(await b.Scim.GetResourceAsync("scim/v2/Users/" + bob))["userName"]).Should().Be("bob@b.example");
    }

    [Fact]
    public async Task The_same_userName_may_exist_in_two_organizations()
    {
        var (a, _, _, _) = await TwoOrganizationsAsync();

        var id = await a.Scim.CreateUserAsync("bob@b.example");

        id.Should().NotBeNullOrEmpty("uniqueness is per tenant");
    }

    [Fact]
    public async Task A_secret_of_another_organization_does_not_authenticate_as_this_organizations_client()
    {
        var (a, b, _, _) = await TwoOrganizationsAsync();
        using var mixed = Host.CreateHttpClient(AuthHeaders.Basic(a.Connection.ClientId, b.Connection.Secret));

        using var response = await mixed.GetAsync("scim/v2/Users");

        await response.ShouldBeScimErrorAsync(HttpStatusCode.Unauthorized);
        using var token = await Host.PostTokenRequestAsync(a.Connection.ClientId, b.Connection.Secret);
        await token.ShouldBeOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Theory]
    [InlineData("GET", "api/v1/oauth-clients/{client}")]
    [InlineData("DELETE", "api/v1/oauth-clients/{client}")]
    [InlineData("GET", "api/v1/oauth-clients/{client}/secrets")]
    [InlineData("POST", "api/v1/oauth-clients/{client}/secrets")]
    [InlineData("DELETE", "api/v1/oauth-clients/{client}/secrets/{secret}")]
    [InlineData("PATCH", "api/v1/users/{admin}")]
    public async Task An_admin_cannot_reach_another_organizations_clients_secrets_or_users(string method, string path)
    {
        var (a, b, _, _) = await TwoOrganizationsAsync();
        using var adminOfA = Host.CreateAdminHttpClient(a.Organization);
        var request = new HttpRequestMessage(new HttpMethod(method), path
            .Replace("{client}", b.Connection.ClientId).Replace("{secret}", b.Connection.SecretId).Replace("{admin}", b.Organization.AdminUserId));
        if (method is "POST" or "PATCH")
        {
            request.Content = new StringContent(method == "POST" ? """{"name":"Stolen key"}""" : """{"role":"member"}""", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await adminOfA.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().NotContain(b.Connection.Secret);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // past the credential state cache
        using var bStillWorks = await Host.CreateScimHttpClientAsync(b.Connection, ScimAuthMode.SecretAsBearer);
        await (await bStillWorks.GetAsync("scim/v2/Users")).ShouldBeListResponseAsync();
        using var adminOfB = Host.CreateAdminHttpClient(b.Organization);
        var users = await (await adminOfB.GetAsync("api/v1/users?role=admin")).ReadJsonAsync();
        users.AsArray().Select(u => (string?)u!["id"]).Should().Contain(b.Organization.AdminUserId, "B's admin is still an admin");
    }

    [Fact]
    public async Task Admin_lists_show_only_the_own_organization()
    {
        var (a, b, _, _) = await TwoOrganizationsAsync();
        using var adminOfA = Host.CreateAdminHttpClient(a.Organization);

        var clients = await (await adminOfA.GetAsync("api/v1/oauth-clients")).Content.ReadAsStringAsync();
        var users = await (await adminOfA.GetAsync("api/v1/users")).Content.ReadAsStringAsync();
        var events = await (await adminOfA.GetAsync("api/v1/provisioning-events?count=200")).Content.ReadAsStringAsync();
        var eventsOfB = await (await adminOfA.GetAsync($"api/v1/provisioning-events?clientId={b.Connection.ClientId}")).ReadJsonObjectAsync();

        clients.Should().Contain(a.Connection.ClientId).And.NotContain(b.Connection.ClientId);
        users.Should().Contain(a.Organization.AdminUserId).And.NotContain(b.Organization.AdminUserId).And.NotContain("bob@b.example");
        events.Should().Contain(a.Connection.ClientId).And.NotContain(b.Connection.ClientId);
        ((int)eventsOfB["totalResults"]!).Should().Be(0);
    }

    /// <summary>Organizations A and B, each connected; B has user Bob and group Sales with Bob; A has its own user.</summary>
    private async Task<(ScimSession A, ScimSession B, string Bob, string Sales)> TwoOrganizationsAsync()
    {
        var a = await ScimSession.StartAsync(Host, "orga");
        var b = await ScimSession.StartAsync(Host, "orgb");
        await a.Scim.CreateUserAsync("alice@a.example");
        var bob = await b.Scim.CreateUserAsync("bob@b.example", externalId: "ext-bob");
        var sales = await b.Scim.CreateGroupAsync("Sales", bob);
        return (a, b, bob, sales);
    }
}
