using System.Net;
using System.Text.Json;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.Bootstrap.Tests;

/// <summary>
/// Stop the service and start it again on the same store: organizations, users, groups, memberships, clients,
/// secrets, signing keys and the provisioning log are all still there, and every credential still works.
/// </summary>
public sealed class RestartDurabilityTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("autorfphex-restart-").FullName;

    [Fact]
    public async Task A_restart_keeps_all_data_and_every_credential_keeps_working()
    {
        TestOrganization organization;
        ScimConnection production, sandbox;
        string accessToken, alice, bob, engineering, sandboxUser;
        string[] eventIds;
        using (var before = new ServiceHost(directory))
        {
            organization = await before.CreateScimOrganizationAsync("restart");
            production = await before.ConnectAsync(organization);
            sandbox = await before.ConnectAsync(organization, "sandbox");
            accessToken = await before.RequestAccessTokenAsync(production);
            using var scim = before.CreateHttpClient(AuthHeaders.Bearer(accessToken));
            alice = await scim.CreateUserAsync("alice@example.com", externalId: "ext-alice");
            bob = await scim.CreateUserAsync("bob@example.com");
            engineering = await scim.CreateGroupAsync("Engineering", alice, bob);
            (await scim.PatchJsonAsync("scim/v2/Users/" + alice, ScimHttp.PatchBody("""{"op":"replace","path":"active","value":false}"""))).Dispose();
            using var sandboxBefore = await before.CreateScimHttpClientAsync(sandbox, ScimAuthMode.SecretAsBearer);
            sandboxUser = await sandboxBefore.CreateUserAsync("tester@example.com");
            eventIds = await EventIdsAsync(before, organization);
            eventIds.Should().NotBeEmpty();
        }

        using var after = new ServiceHost(directory);

        using var admin = after.CreateAdminHttpClient(organization); // signed before the restart
        var org = await (await admin.GetAsync("api/v1/organization")).ReadJsonObjectAsync();
        ((bool)org["scimEnabled"]!).Should().BeTrue();
        var clients = (await (await admin.GetAsync("api/v1/oauth-clients")).ReadJsonAsync()).AsArray().Select(c => (string?)c!["clientId"]);
        clients.Should().BeEquivalentTo([production.ClientId, sandbox.ClientId]);
        var secrets = (await (await admin.GetAsync($"api/v1/oauth-clients/{production.ClientId}/secrets")).ReadJsonAsync()).AsArray();
        ((string?)secrets.Single()!["status"]).Should().Be("active");

        using var oldToken = after.CreateHttpClient(AuthHeaders.Bearer(accessToken)); // signing keys survived
        var aliceAfter = await oldToken.GetResourceAsync("scim/v2/Users/" + alice);
        ((string?)aliceAfter["userName"]).Should().Be("alice@example.com");
        ((string?)aliceAfter["externalId"]).Should().Be("ext-alice");
        aliceAfter["active"]!.GetValueKind().Should().Be(JsonValueKind.False);
        (await oldToken.MemberIdsAsync(engineering)).Should().BeEquivalentTo([alice, bob]);
        using var duplicate = await oldToken.PostJsonAsync("scim/v2/Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ALICE@example.com"}""");
        await duplicate.ShouldBeScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");

        foreach (var mode in Enum.GetValues<ScimAuthMode>())
        {
            using var scim = await after.CreateScimHttpClientAsync(production, mode); // the old secret, in every mode
            using var list = await scim.GetAsync("scim/v2/Users?filter=userName%20eq%20%22bob%40example.com%22");
            ((string?)(await list.ShouldBeListResponseAsync()).Resources().Single()["id"]).Should().Be(bob, mode.ToString());
        }

        using var sandboxScim = await after.CreateScimHttpClientAsync(sandbox, ScimAuthMode.Basic);
        using var sandboxList = await sandboxScim.GetAsync("scim/v2/Users");
        (await sandboxList.ShouldBeListResponseAsync()).Resources().Select(u => (string?)u["id"]).Should().Equal(sandboxUser);

        (await EventIdsAsync(after, organization)).Should().Contain(eventIds, "the provisioning log is kept");
    }

    [Fact]
    public async Task A_restart_keeps_the_jwks_so_tokens_verify_against_the_same_keys()
    {
        string before;
        using (var first = new ServiceHost(directory))
        {
            using var client = first.CreateHttpClient();
            before = await (await client.GetAsync("oauth/jwks")).Content.ReadAsStringAsync();
        }

        using var second = new ServiceHost(directory);
        using var anonymous = second.CreateHttpClient();
        var after = await (await anonymous.GetAsync("oauth/jwks")).Content.ReadAsStringAsync();

        var kids = JsonDocument.Parse(after).RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString());
        kids.Should().Contain(JsonDocument.Parse(before).RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may still be closing; the temp folder is cleaned by the OS eventually.
        }
    }

    private static async Task<string[]> EventIdsAsync(ServiceHost host, TestOrganization organization)
    {
        using var admin = host.CreateAdminHttpClient(organization);
        using var response = await admin.GetAsync("api/v1/provisioning-events?count=200");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return (await response.ReadJsonObjectAsync())["events"]!.AsArray().Select(e => (string)e!["id"]!).ToArray();
    }
}
