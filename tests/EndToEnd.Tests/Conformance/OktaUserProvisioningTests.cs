using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.EndToEnd.Tests.Conformance;

/// <summary>Okta's user requests (samples V02, V08, V09, V11, V12, V13, V23), byte for byte.</summary>
public sealed class OktaUserProvisioningTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private const string OktaCreateAlice = """
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
          "userName": "alice@example.com",
          "name": {"givenName": "Alice", "familyName": "Archer"},
          "emails": [{"primary": true, "value": "alice@example.com", "type": "work"}],
          "displayName": "Alice Archer",
          "locale": "en-US",
          "externalId": "00u1a2b3c4d5e6f7g8h9",
          "groups": [],
          "password": "placeholder-9x",
          "active": true
        }
        """;

    [Fact]
    public async Task V02_first_page_of_users_has_numeric_counts_and_a_complete_first_user()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v02", "sandbox");
        (await session.Scim.PostJsonAsync("scim/v2/Users", OktaCreateAlice)).StatusCode.Should().Be(HttpStatusCode.Created);

        using var response = await session.Scim.GetAsync("scim/v2/Users?count=1&startIndex=1");

        var page = await response.ShouldBeListResponseAsync();
        var first = page.Resources().Should().ContainSingle().Subject;
        ((string?)first["id"]).Should().NotBeNullOrEmpty();
        ((string?)first["userName"]).Should().Be("alice@example.com");
        ((string?)first["name"]!["givenName"]).Should().Be("Alice");
        ((string?)first["name"]!["familyName"]).Should().Be("Archer");
        first["active"]!.GetValueKind().Should().Be(JsonValueKind.True);
        ((string?)first["emails"]![0]!["value"]).Should().Be("alice@example.com");
    }

    [Fact]
    public async Task V08_existence_check_answers_an_empty_list_when_absent_and_the_user_when_present()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v08");
        const string lookup = "scim/v2/Users?filter=userName%20eq%20%22alice%40example.com%22&startIndex=1&count=100";

        using (var absent = await session.Scim.GetAsync(lookup))
        {
            var page = await absent.ShouldBeListResponseAsync();
            page.TotalResults().Should().Be(0);
            ((int)page["startIndex"]!).Should().Be(1);
            ((int)page["itemsPerPage"]!).Should().Be(0);
            page["Resources"].Should().BeOfType<JsonArray>().Which.Should().BeEmpty();
        }

        var id = await session.Scim.CreateUserAsync("alice@example.com");
        using var present = await session.Scim.GetAsync(lookup);
        var found = await present.ShouldBeListResponseAsync();
        found.TotalResults().Should().Be(1);
        ((string?)found.Resources()[0]["id"]).Should().Be(id);
    }

    [Fact]
    public async Task V09_create_with_the_full_reference_body_returns_the_user_without_the_password()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v09");

        using var response = await session.Scim.PostJsonAsync("scim/v2/Users", OktaCreateAlice);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var user = await response.ReadJsonObjectAsync();
        ((string?)user["id"]).Should().NotBeNullOrEmpty();
        ((string?)user["userName"]).Should().Be("alice@example.com");
        ((string?)user["name"]!["familyName"]).Should().Be("Archer");
        var email = user["emails"]!.AsArray().Should().ContainSingle().Subject!;
        email["primary"]!.GetValueKind().Should().Be(JsonValueKind.True);
        user["active"]!.GetValueKind().Should().Be(JsonValueKind.True);
        ((string?)user["externalId"]).Should().Be("00u1a2b3c4d5e6f7g8h9");
        ((string?)user["meta"]!["resourceType"]).Should().Be("User");
        user.ContainsKey("password").Should().BeFalse("password is write-only");
        (await response.Content.ReadAsStringAsync()).Should().NotContain("placeholder-9x");
    }

    [Fact]
    public async Task V11_creating_the_same_user_again_is_a_uniqueness_conflict()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v11");
        (await session.Scim.PostJsonAsync("scim/v2/Users", OktaCreateAlice)).StatusCode.Should().Be(HttpStatusCode.Created);

        using var again = await session.Scim.PostJsonAsync("scim/v2/Users", OktaCreateAlice);

        await again.ShouldBeScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        using var list = await session.Scim.GetAsync("scim/v2/Users?filter=userName%20eq%20%22alice%40example.com%22");
        (await list.ShouldBeListResponseAsync()).TotalResults().Should().Be(1, "the refused create stored nothing");
    }

    [Fact]
    public async Task V12_userName_filter_ignores_case()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v12");
        var id = await session.Scim.CreateUserAsync("runscope101brightwater123@example.com");

        using var response = await session.Scim.GetAsync("scim/v2/Users?filter=userName%20eq%20%22RUNSCOPE101BRIGHTWATER123%40EXAMPLE.COM%22");

        var page = await response.ShouldBeListResponseAsync();
        page.TotalResults().Should().Be(1);
        ((string?)page.Resources()[0]["id"]).Should().Be(id);
    }

    [Theory]
    [InlineData("010101001010101011001010101011")]
    [InlineData("00919288221112222")]
    public async Task V13_unknown_user_id_is_not_found(string unknownId)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v13");

        using var response = await session.Scim.GetAsync("scim/v2/Users/" + unknownId);

        await response.ShouldBeScimErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task V23_deactivation_by_patch_without_path_keeps_the_user_inactive()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v23");
        var id = await session.Scim.CreateUserAsync("alice@example.com");

        using var response = await session.Scim.PatchJsonAsync("scim/v2/Users/" + id,
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}""");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await response.ReadJsonObjectAsync())["active"]!.GetValueKind().Should().Be(JsonValueKind.False);
        var read = await session.Scim.GetResourceAsync("scim/v2/Users/" + id);
        read["active"]!.GetValueKind().Should().Be(JsonValueKind.False);
    }
}
