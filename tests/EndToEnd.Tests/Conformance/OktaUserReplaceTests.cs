using System.Net;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.EndToEnd.Tests.Conformance;

/// <summary>Okta's GET-then-PUT updates (sample V22): a full replace that echoes back what was read.</summary>
public sealed class OktaUserReplaceTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    [Fact]
    public async Task V22_get_then_put_replaces_the_user_and_ignores_read_only_attributes()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v22");
        var id = await session.Scim.CreateUserAsync("alice@example.com");
        var before = await session.Scim.GetResourceAsync("scim/v2/Users/" + id);

        using var response = await session.Scim.PutJsonAsync("scim/v2/Users/" + id, $$"""
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
              "id": "{{id}}",
              "userName": "alice@example.com",
              "name": {"givenName": "Alicia", "middleName": "May", "familyName": "Archer"},
              "emails": [{"primary": true, "value": "alice@example.com", "type": "work", "display": "alice@example.com"}],
              "active": true,
              "groups": [],
              "meta": {"resourceType": "User"}
            }
            """);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var replaced = await response.ReadJsonObjectAsync();
        ((string?)replaced["id"]).Should().Be(id);
        ((string?)replaced["name"]!["givenName"]).Should().Be("Alicia");
        ((string?)replaced["name"]!["middleName"]).Should().Be("May");
        ((string?)replaced["emails"]![0]!["display"]).Should().Be("alice@example.com");
        ((string?)replaced["meta"]!["created"]).Should().Be((string?)before["meta"]!["created"], "PUT keeps meta.created");
        var read = await session.Scim.GetResourceAsync("scim/v2/Users/" + id);
        ((string?)read["name"]!["givenName"]).Should().Be("Alicia");
    }

    [Fact]
    public async Task V22_what_was_read_survives_a_put_round_trip_including_an_empty_middle_name()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v22rt");
        var id = await session.Scim.CreateUserAsync("alice@example.com");
        var read = await session.Scim.GetResourceAsync("scim/v2/Users/" + id);
        read["name"]!["middleName"] = string.Empty;

        using var put = await session.Scim.PutJsonAsync("scim/v2/Users/" + id, read.ToJsonString());
        await put.ShouldHaveStatusAsync(HttpStatusCode.OK);

        var again = await session.Scim.GetResourceAsync("scim/v2/Users/" + id);
        ((string?)again["name"]!["middleName"]).Should().Be(string.Empty);
        ((string?)again["userName"]).Should().Be("alice@example.com");
        ((string?)again["name"]!["givenName"]).Should().Be((string?)read["name"]!["givenName"]);
    }
}
