using System.Net;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.Adapters.Http.Tests.Tenancy;

/// <summary>Within one organization, a sandbox client never sees production users and groups, and the reverse.</summary>
public sealed class CrossEnvironmentIsolationTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private ServiceHost Host => fixture.Host;

    [Theory]
    [InlineData("production", "sandbox")]
    [InlineData("sandbox", "production")]
    public async Task A_client_sees_only_its_own_environment(string own, string other)
    {
        var (clients, users, groups) = await BothEnvironmentsAsync();
        var scim = clients[own];
        var foreignUser = users[other];
        var foreignGroup = groups[other];

        foreach (var (method, path) in new[]
        {
            ("GET", $"Users/{foreignUser}"), ("DELETE", $"Users/{foreignUser}"),
            ("GET", $"Groups/{foreignGroup}"), ("DELETE", $"Groups/{foreignGroup}"),
        })
        {
            using var response = await scim.SendAsync(new HttpRequestMessage(new HttpMethod(method), "scim/v2/" + path));
            await response.ShouldBeScimErrorAsync(HttpStatusCode.NotFound);
        }

        using (var patch = await scim.PatchJsonAsync($"scim/v2/Users/{foreignUser}", ScimHttp.PatchBody("""{"op":"replace","path":"active","value":false}""")))
        {
            await patch.ShouldBeScimErrorAsync(HttpStatusCode.NotFound);
        }

        using (var put = await scim.PutJsonAsync($"scim/v2/Users/{foreignUser}", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"x@example.com"}"""))
        {
            await put.ShouldBeScimErrorAsync(HttpStatusCode.NotFound);
        }

        using var list = await scim.GetAsync($"scim/v2/Users?filter=userName%20eq%20%22{other}%40example.com%22");
        (await list.ShouldBeListResponseAsync()).TotalResults().Should().Be(0);
        using var all = await scim.GetAsync("scim/v2/Users?count=200");
        (await all.ShouldBeListResponseAsync()).Resources().Select(u => (string?)u["id"]).Should().Contain(users[own]).And.NotContain(foreignUser);
        using var membership = await scim.PatchJsonAsync($"scim/v2/Groups/{groups[own]}",
            ScimHttp.PatchBody($$"""{"op":"add","path":"members","value":[{"value":"{{foreignUser}}"}]}"""));
        await membership.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");

        var stillThere = await clients[other].GetResourceAsync($"scim/v2/Users/{foreignUser}");
        stillThere["active"]!.GetValue<bool>().Should().BeTrue("nothing the other environment sent changed it");
    }

    [Fact]
    public async Task The_same_userName_exists_independently_in_both_environments()
    {
        var (clients, _, _) = await BothEnvironmentsAsync();

        var inProduction = await clients["production"].CreateUserAsync("shared@example.com");
        var inSandbox = await clients["sandbox"].CreateUserAsync("shared@example.com");

        inSandbox.Should().NotBe(inProduction);
    }

    private async Task<(Dictionary<string, HttpClient> Clients, Dictionary<string, string> Users, Dictionary<string, string> Groups)> BothEnvironmentsAsync()
    {
        var organization = await Host.CreateScimOrganizationAsync("env");
        var clients = new Dictionary<string, HttpClient>();
        var users = new Dictionary<string, string>();
        var groups = new Dictionary<string, string>();
        foreach (var environment in new[] { "production", "sandbox" })
        {
            var connection = await Host.ConnectAsync(organization, environment);
            clients[environment] = await Host.CreateScimHttpClientAsync(connection, ScimAuthMode.AccessToken);
            users[environment] = await clients[environment].CreateUserAsync($"{environment}@example.com");
            groups[environment] = await clients[environment].CreateGroupAsync($"{environment} team", users[environment]);
        }

        return (clients, users, groups);
    }
}
