using System.Net;
using System.Text.Json.Nodes;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.EndToEnd.Tests.Conformance;

/// <summary>Lookups with the filters clients really send, through HTTP with their exact query-string encodings (BR-15, BR-17, V68).</summary>
public sealed class FilterConformanceTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    [Fact]
    public async Task BR15_a_displayName_with_quotes_backslash_and_ampersand_is_found_by_its_escaped_filter()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "br15", "sandbox");
        const string displayName = "Team \"Blue\" \\ Ops: R&D";
        var id = await session.Scim.CreateGroupAsync(displayName);
        await session.Scim.CreateGroupAsync("Team Blue Ops: R");

        // %26 is part of the value, not a parameter separator; \" and \\ are JSON escapes inside the filter string.
        using var response = await session.Scim.GetAsync(
            "scim/v2/Groups?filter=displayName%20eq%20%22Team%20%5C%22Blue%5C%22%20%5C%5C%20Ops%3A%20R%26D%22");

        var page = await response.ShouldBeListResponseAsync();
        page.Resources().Should().ContainSingle();
        ((string)page.Resources()[0]["id"]!).Should().Be(id);
        ((string)page.Resources()[0]["displayName"]!).Should().Be(displayName, "the value round-trips byte for byte");
    }

    [Fact]
    public async Task BR17_a_membership_check_with_and_follows_the_membership()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "br17", "sandbox");
        var bob = await session.Scim.CreateUserAsync("bob@example.com");
        var engineering = await session.Scim.CreateGroupAsync("Engineering", bob);
        await session.Scim.CreateGroupAsync("Sales", bob);
        var check = $"scim/v2/Groups?filter={Uri.EscapeDataString($"id eq \"{engineering}\" and members eq \"{bob}\"")}&excludedAttributes=members";

        using (var member = await session.Scim.GetAsync(check))
        {
            var page = await member.ShouldBeListResponseAsync();
            page.Resources().Select(g => (string)g["displayName"]!).Should().Equal("Engineering");
            page.Resources()[0].ContainsKey("members").Should().BeFalse();
        }

        var remove = ScimHttp.PatchBody($$"""{"op":"remove","path":"members[value eq \"{{bob}}\"]"}""");
        using (var removed = await session.Scim.PatchJsonAsync($"scim/v2/Groups/{engineering}", remove))
        {
            removed.IsSuccessStatusCode.Should().BeTrue(await removed.DescribeAsync());
        }

        using var notMember = await session.Scim.GetAsync(check);
        (await notMember.ShouldBeListResponseAsync()).TotalResults().Should().Be(0);
    }

    [Fact]
    public async Task BR17_or_and_and_combinations_return_exactly_the_matching_users()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "br17u", "sandbox");
        var alice = await session.Scim.CreateUserAsync("alice@example.com");
        var bob = await session.Scim.CreateUserAsync("bob@example.com");
        await session.Scim.CreateUserAsync("carol@example.com");

        (await UserNamesAsync(session, $"id eq \"{alice}\" or id eq \"{bob}\"")).Should().BeEquivalentTo("alice@example.com", "bob@example.com");
        (await UserNamesAsync(session, "userName eq \"alice@example.com\" and active eq true")).Should().Equal("alice@example.com");
        (await UserNamesAsync(session, "userName eq \"alice@example.com\" and active eq false")).Should().BeEmpty();
    }

    /// <summary>
    /// The Microsoft validator's filters (V68) sent with bare values: each token is unambiguous for its attribute, so it is
    /// read as the value the attribute's type needs rather than refused.
    /// </summary>
    [Fact]
    public async Task V68_legacy_unquoted_values_in_the_microsoft_validator_filters_are_answered_correctly()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v68l", "sandbox");
        await CreateEmployeeAsync(session, "Olivia@example.com", "olivia@example.org");
        await CreateEmployeeAsync(session, "oscar@example.com", "oscar@example.net");
        await session.Scim.CreateUserAsync("bob@example.com");

        (await UserNamesAsync(session, "userName sw O")).Should().BeEquivalentTo("Olivia@example.com", "oscar@example.com");
        (await UserNamesAsync(session, "meta.Created gt 2015-10-10T14:38:21.86-07:00")).Should().HaveCount(3);
        (await UserNamesAsync(session, "name.FamilyName eq Employee and (emails.Value co example.com or emails.Value co example.org)"))
            .Should().Equal("Olivia@example.com");
    }

    [Theory]
    [InlineData("userName eq")]
    [InlineData("userName zz \"x\"")]
    [InlineData("(userName eq \"x\"")]
    [InlineData("emails[type eq \"work\"")]
    [InlineData("noSuchAttribute eq \"x\"")]
    [InlineData("userName eq \"x\" and")]
    [InlineData("not userName eq \"x\"")]
    [InlineData("userName eq \"\\q\"")]
    [InlineData("meta.created gt \"yesterday\"")]
    public async Task V68_every_malformed_filter_is_400_invalidFilter_and_names_the_problem(string filter)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v68m", "sandbox");

        using var response = await session.Scim.GetAsync($"scim/v2/Users?filter={Uri.EscapeDataString(filter)}");

        var error = await response.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "invalidFilter");
        ((string)error["detail"]!).Should().NotBeNullOrWhiteSpace();
    }

    private static async Task CreateEmployeeAsync(ScimSession session, string userName, string email)
    {
        var user = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimHttp.UserSchema),
            ["userName"] = userName,
            ["name"] = new JsonObject { ["familyName"] = "Employee" },
            ["emails"] = new JsonArray(new JsonObject { ["value"] = email, ["type"] = "work" }),
        };
        using var response = await session.Scim.PostJsonAsync("scim/v2/Users", user.ToJsonString());
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.DescribeAsync());
    }

    private static async Task<IReadOnlyList<string>> UserNamesAsync(ScimSession session, string filter)
    {
        using var response = await session.Scim.GetAsync($"scim/v2/Users?filter={Uri.EscapeDataString(filter)}");
        var page = await response.ShouldBeListResponseAsync();
        return page.Resources().Select(u => (string)u["userName"]!).ToArray();
    }
}
