using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.EndToEnd.Tests.Conformance;

/// <summary>Microsoft Entra ID's user requests (samples V15, V17, V18, V25, V27, V31), byte for byte.</summary>
public sealed class EntraUserProvisioningTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private const string EntraCreateBob = """
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
          "externalId": "bob",
          "userName": "bob@example.com",
          "active": true,
          "emails": [{"primary": true, "type": "work", "value": "bob@example.com"},
                     {"type": "home", "value": "bob@home.example"}],
          "meta": {"resourceType": "User"},
          "name": {"formatted": "Bob Baker", "familyName": "Baker", "givenName": "Bob"},
          "roles": []
        }
        """;

    [Fact]
    public async Task V15_create_returns_the_user_as_sent_with_server_meta_and_a_location()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v15");

        using var response = await session.Scim.PostJsonAsync("scim/v2/Users", EntraCreateBob, "application/scim+json; charset=utf-8");

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var user = await response.ReadJsonObjectAsync();
        var id = (string)user["id"]!;
        ((string?)user["externalId"]).Should().Be("bob");
        ((string?)user["userName"]).Should().Be("bob@example.com");
        ((string?)user["name"]!["formatted"]).Should().Be("Bob Baker", "values are stored exactly as sent");
        user["active"]!.GetValueKind().Should().Be(JsonValueKind.True);
        user["emails"]!.AsArray().Should().HaveCount(2);
        ((string?)user["meta"]!["resourceType"]).Should().Be("User");
        ((string?)user["meta"]!["created"]).Should().NotBeNullOrEmpty();
        ((string?)user["meta"]!["lastModified"]).Should().NotBeNullOrEmpty();
        response.Headers.Location.Should().NotBeNull();
        response.Headers.Location!.ToString().Should().EndWith("/scim/v2/Users/" + id);
    }

    [Fact]
    public async Task V17_lookup_by_userName_returns_the_full_user()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v17");
        (await session.Scim.PostJsonAsync("scim/v2/Users", EntraCreateBob)).StatusCode.Should().Be(HttpStatusCode.Created);

        using var response = await session.Scim.GetAsync("scim/v2/Users?filter=userName+eq+%22bob%40example.com%22");

        var page = await response.ShouldBeListResponseAsync();
        page.TotalResults().Should().Be(1);
        ((int)page["startIndex"]!).Should().Be(1);
        var user = page.Resources().Single();
        foreach (var attribute in new[] { "id", "externalId", "userName", "name", "active", "emails" })
        {
            user.ContainsKey(attribute).Should().BeTrue(attribute + " is returned by default");
        }
    }

    [Fact]
    public async Task V18_lookup_by_externalId_matches_exactly()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v18");
        (await session.Scim.PostJsonAsync("scim/v2/Users", EntraCreateBob)).StatusCode.Should().Be(HttpStatusCode.Created);

        using var quoted = await session.Scim.GetAsync("scim/v2/Users?filter=externalId%20eq%20%22bob%22");
        (await quoted.ShouldBeListResponseAsync()).TotalResults().Should().Be(1);

        using var otherCase = await session.Scim.GetAsync("scim/v2/Users?filter=externalId%20eq%20%22BOB%22");
        (await otherCase.ShouldBeListResponseAsync()).TotalResults().Should().Be(0, "externalId is caseExact");
    }

    [Fact]
    public async Task V25_replace_through_a_value_path_changes_only_the_work_email()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v25");
        var id = await CreateBobAsync(session);

        using var response = await session.Scim.PatchJsonAsync("scim/v2/Users/" + id, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[
              {"op":"Replace","path":"emails[type eq \"work\"].value","value":"bob.new@example.com"},
              {"op":"Replace","path":"name.familyName","value":"Bakerman"}]}
            """);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var user = await session.Scim.GetResourceAsync("scim/v2/Users/" + id);
        var emails = user["emails"]!.AsArray().Select(e => e!.AsObject()).ToArray();
        emails.Should().HaveCount(2);
        ((string?)emails.Single(e => (string?)e["type"] == "work")["value"]).Should().Be("bob.new@example.com");
        emails.Single(e => (string?)e["type"] == "work")["primary"]!.GetValueKind().Should().Be(JsonValueKind.True, "only the value changes, in place");
        ((string?)emails.Single(e => (string?)e["type"] == "home")["value"]).Should().Be("bob@home.example");
        ((string?)user["name"]!["familyName"]).Should().Be("Bakerman");
        ((string?)user["name"]!["givenName"]).Should().Be("Bob");
    }

    [Fact]
    public async Task V27_string_false_disables_the_user_and_is_returned_as_a_boolean()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v27");
        var id = await CreateBobAsync(session);

        using var response = await session.Scim.PatchJsonAsync("scim/v2/Users/" + id,
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}""");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var user = await session.Scim.GetResourceAsync("scim/v2/Users/" + id);
        user["active"]!.GetValueKind().Should().Be(JsonValueKind.False);
    }

    [Fact]
    public async Task V31_replace_without_path_reads_dotted_and_urn_keys_as_attribute_paths()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v31");
        var id = await CreateBobAsync(session);

        using var response = await session.Scim.PatchJsonAsync("scim/v2/Users/" + id, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[
              {"op":"replace","path":"emails[type eq \"work\"].value","value":"bob3@example.com"},
              {"op":"replace","value":{
                 "displayName":"Bob Baker",
                 "name.givenName":"Robert",
                 "name.familyName":"Bakerson",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"E-1002"}}]}
            """);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var user = await session.Scim.GetResourceAsync("scim/v2/Users/" + id);
        ((string?)user["displayName"]).Should().Be("Bob Baker");
        ((string?)user["name"]!["givenName"]).Should().Be("Robert");
        ((string?)user["name"]!["familyName"]).Should().Be("Bakerson");
        ((string?)user["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]!["employeeNumber"]).Should().Be("E-1002");
        user.ContainsKey("name.givenName").Should().BeFalse("a dotted key is a path, not an attribute name");
        user.ContainsKey("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber").Should().BeFalse();
        user["emails"]!.AsArray().Should().Contain(e => (string?)e!["value"] == "bob3@example.com");
    }

    [Fact]
    public async Task V31_validator_variant_changes_the_userName_through_a_pathless_replace()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v31u");
        var id = await CreateBobAsync(session);

        using var response = await session.Scim.PatchJsonAsync("scim/v2/Users/" + id,
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"userName":"erin@example.com"}}]}""");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        ((string?)(await session.Scim.GetResourceAsync("scim/v2/Users/" + id))["userName"]).Should().Be("erin@example.com");
        using var byNewName = await session.Scim.GetAsync("scim/v2/Users?filter=userName%20eq%20%22erin%40example.com%22");
        (await byNewName.ShouldBeListResponseAsync()).TotalResults().Should().Be(1);
    }

    private static async Task<string> CreateBobAsync(ScimSession session)
    {
        using var created = await session.Scim.PostJsonAsync("scim/v2/Users", EntraCreateBob);
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return (string)(await created.ReadJsonObjectAsync())["id"]!;
    }
}
