using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.EndToEnd.Tests.Conformance;

/// <summary>The PATCH dialects other SCIM servers broke on (BR-01 to BR-04).</summary>
public sealed class PatchDialectTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    [Fact]
    public async Task BR01_op_names_match_in_any_case()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "br01");
        var carol = await session.Scim.CreateUserAsync("carol@example.com");
        var dave = await session.Scim.CreateUserAsync("dave@example.com");
        var eng = await session.Scim.CreateGroupAsync("Engineering");

        using (var add = await PatchGroupAsync(session, eng, $$"""{"op":"Add","path":"members","value":[{"value":"{{carol}}"}]}"""))
        {
            add.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.NoContent);
        }

        using (var lower = await PatchGroupAsync(session, eng, $$"""{"op":"add","path":"members","value":[{"value":"{{dave}}"}]}"""))
        {
            lower.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.NoContent);
        }

        (await session.Scim.MemberIdsAsync(eng)).Should().BeEquivalentTo([carol, dave]);
        using (var remove = await PatchGroupAsync(session, eng, $$"""{"op":"REMOVE","path":"members[value eq \"{{carol}}\"]"}"""))
        {
            remove.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.NoContent);
        }

        (await session.Scim.MemberIdsAsync(eng)).Should().Equal(dave);
    }

    [Fact]
    public async Task BR01_an_unknown_op_is_invalid_syntax_and_changes_nothing()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "br01x");
        var carol = await session.Scim.CreateUserAsync("carol@example.com");
        var eng = await session.Scim.CreateGroupAsync("Engineering");

        using var response = await PatchGroupAsync(session, eng, $$"""{"op":"frobnicate","path":"members","value":[{"value":"{{carol}}"}]}""");

        await response.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
        (await session.Scim.MemberIdsAsync(eng)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("False", JsonValueKind.False)]
    [InlineData("false", JsonValueKind.False)]
    [InlineData("TRUE", JsonValueKind.True)]
    public async Task BR02_boolean_strings_are_stored_as_booleans(string value, JsonValueKind stored)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "br02");
        var alice = await session.Scim.CreateUserAsync("alice@example.com");
        await PatchUserAsync(session, alice, """{"op":"replace","path":"active","value":false}""");

        using var response = await PatchUserAsync(session, alice, $$"""{"op":"Replace","path":"active","value":"{{value}}"}""");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await session.Scim.GetResourceAsync("scim/v2/Users/" + alice))["active"]!.GetValueKind().Should().Be(stored);
    }

    [Fact]
    public async Task BR02_a_boolean_string_is_accepted_on_create()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "br02c");

        using var response = await session.Scim.PostJsonAsync("scim/v2/Users",
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"dave@example.com","active":"True"}""");

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        (await response.ReadJsonObjectAsync())["active"]!.GetValueKind().Should().Be(JsonValueKind.True);
    }

    [Fact]
    public async Task BR02_any_other_string_for_a_boolean_is_refused_and_the_user_stays_active()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "br02n");
        var alice = await session.Scim.CreateUserAsync("alice@example.com");

        using var response = await PatchUserAsync(session, alice, """{"op":"Replace","path":"active","value":"nope"}""");

        await response.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        (await session.Scim.GetResourceAsync("scim/v2/Users/" + alice))["active"]!.GetValueKind().Should().Be(JsonValueKind.True);
    }

    [Theory]
    [InlineData("replace")]
    [InlineData("Add")]
    public async Task BR03_pathless_value_keys_are_attribute_paths(string op)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "br03");
        var alice = await session.Scim.CreateUserAsync("alice@example.com");

        using var response = await PatchUserAsync(session, alice, $$$"""
            {"op":"{{{op}}}","value":{
              "displayName":"Alice Liddell-Smith",
              "name.givenName":"Alice",
              "name.familyName":"Liddell-Smith",
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"E-1001"}}
            """);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var user = await session.Scim.GetResourceAsync("scim/v2/Users/" + alice);
        ((string?)user["displayName"]).Should().Be("Alice Liddell-Smith");
        ((string?)user["name"]!["givenName"]).Should().Be("Alice");
        ((string?)user["name"]!["familyName"]).Should().Be("Liddell-Smith");
        ((string?)user[ScimHttp.EnterpriseUserSchema]!["employeeNumber"]).Should().Be("E-1001");
        user.Select(p => p.Key).Should().NotContain(key => key.Contains("name.") || key.EndsWith(":employeeNumber"));
    }

    [Fact]
    public async Task BR04_value_path_replaces_change_matching_elements_only_in_one_atomic_request()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "br04");
        using var created = await session.Scim.PostJsonAsync("scim/v2/Users", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"alice@example.com",
             "name":{"givenName":"Alice","familyName":"Liddell"},
             "emails":[{"value":"alice@example.com","type":"work","primary":true},{"value":"alice@home.example","type":"home"}],
             "addresses":[{"type":"work","formatted":"2 Old Rd"},{"type":"home","formatted":"9 Home Ln"}]}
            """);
        var alice = (string)(await created.ReadJsonObjectAsync())["id"]!;

        using var response = await PatchUserAsync(session, alice,
            """{"op":"Replace","path":"displayName","value":"Alice Smith"}""",
            """{"op":"Replace","path":"emails[type eq \"work\"].value","value":"alice.smith@example.com"}""",
            """{"op":"Replace","path":"userName","value":"alice.smith@example.com"}""",
            """{"op":"Replace","path":"name.familyName","value":"Smith"}""",
            """{"op":"Replace","path":"addresses[type eq \"work\"].formatted","value":"1 Main St, Springfield"}""");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var user = await session.Scim.GetResourceAsync("scim/v2/Users/" + alice);
        ((string?)user["displayName"]).Should().Be("Alice Smith");
        ((string?)user["userName"]).Should().Be("alice.smith@example.com");
        ((string?)user["name"]!["familyName"]).Should().Be("Smith");
        ValueOfType(user, "emails", "work", "value").Should().Be("alice.smith@example.com");
        ValueOfType(user, "emails", "home", "value").Should().Be("alice@home.example");
        ValueOfType(user, "addresses", "work", "formatted").Should().Be("1 Main St, Springfield");
        ValueOfType(user, "addresses", "home", "formatted").Should().Be("9 Home Ln");
    }

    private static string? ValueOfType(JsonObject user, string attribute, string type, string subAttribute) =>
        (string?)user[attribute]!.AsArray().Single(e => (string?)e!["type"] == type)![subAttribute];

    private static Task<HttpResponseMessage> PatchUserAsync(ScimSession session, string id, params string[] operations) =>
        session.Scim.PatchJsonAsync("scim/v2/Users/" + id, ScimHttp.PatchBody(operations));

    private static Task<HttpResponseMessage> PatchGroupAsync(ScimSession session, string id, params string[] operations) =>
        session.Scim.PatchJsonAsync("scim/v2/Groups/" + id, ScimHttp.PatchBody(operations));
}
