using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Service;
using static AutoRfpHex.Core.Tests.Scim.ScimTestHost;

namespace AutoRfpHex.Core.Tests.Scim;

/// <summary>The lookups Okta and Entra make before they create or update, through the service.</summary>
public sealed class FilteredListTests
{
    private readonly ScimTestHost host = new();

    private Task<JsonObject> List(ScimResourceType type, string filter, int? startIndex = null, int? count = null, string? excluded = null) =>
        host.Service.ListAsync(
            host.Context, type, new ScimListRequest(filter, null, null, startIndex, count, AttributeSelection.FromQuery(null, excluded)), CancellationToken.None);

    private static IEnumerable<string> Ids(JsonObject list) => list["Resources"]!.AsArray().Select(r => r!["id"]!.GetValue<string>());

    [Fact]
    public async Task Okta_V08_existence_check_answers_an_empty_list_then_the_user()
    {
        const string filter = "userName eq \"alice@example.com\"";
        (await List(ScimResourceType.User, filter, 1, 100)).ShouldBeJson("""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":0,"itemsPerPage":0,"startIndex":1,"Resources":[]}
            """);

        var alice = await host.CreateUser("alice@example.com", "\"name\":{\"givenName\":\"Alice\"}");
        var list = await List(ScimResourceType.User, filter, 1, 100);

        list["totalResults"]!.GetValue<int>().Should().Be(1);
        list["Resources"]![0].ShouldBeJson(alice.Body.ToJsonString());
    }

    [Fact]
    public async Task V12_userName_filters_ignore_case()
    {
        var user = await host.CreateUser("runscope101brightwater123@example.com");

        Ids(await List(ScimResourceType.User, "userName eq \"RUNSCOPE101BRIGHTWATER123@EXAMPLE.COM\"")).Should().Equal(user.Id);
    }

    [Fact]
    public async Task Entra_V17_and_V18_find_users_by_userName_and_by_quoted_or_bare_externalId()
    {
        var bob = await host.CreateUser("bob@example.com", "\"externalId\":\"bob\"");
        await host.CreateUser("bobby@example.com", "\"externalId\":\"Bob\"");

        Ids(await List(ScimResourceType.User, "userName eq \"bob@example.com\"")).Should().Equal(bob.Id);
        Ids(await List(ScimResourceType.User, "externalId eq \"bob\"")).Should().Equal(new[] { bob.Id }, "externalId is caseExact");
        Ids(await List(ScimResourceType.User, "externalId eq bob")).Should().Equal(bob.Id);
    }

    [Fact]
    public async Task Filters_reach_email_values_and_extension_attributes()
    {
        var ann = await host.CreateUser("ann@example.com", $$"""
            "emails":[{"value":"Ann.Work@example.com","type":"work"}],"{{EnterpriseUrn}}":{"employeeNumber":"E-7"}
            """);
        await host.CreateUser("ben@example.com", "\"emails\":[{\"value\":\"ann.work@example.org\",\"type\":\"home\"}]");

        Ids(await List(ScimResourceType.User, "emails[type eq \"work\" and value eq \"ann.work@example.com\"]")).Should().Equal(ann.Id);
        Ids(await List(ScimResourceType.User, $"{EnterpriseUrn}:employeeNumber eq \"E-7\"")).Should().Equal(ann.Id);
    }

    [Fact]
    public async Task BR17_and_or_and_membership_filters()
    {
        var alice = await host.CreateUser("alice@example.com", "\"active\":true");
        var bob = await host.CreateUser("bob@example.com", "\"active\":false");
        var eng = await host.CreateGroup("Engineering", alice.Id, bob.Id);

        Ids(await List(ScimResourceType.Group, $"id eq \"{eng.Id}\" and members eq \"{bob.Id}\"", excluded: "members")).Should().Equal(eng.Id);
        Ids(await List(ScimResourceType.User, $"id eq \"{alice.Id}\" or id eq \"{bob.Id}\"")).Should().BeEquivalentTo([alice.Id, bob.Id]);
        Ids(await List(ScimResourceType.User, "userName eq \"alice@example.com\" and active eq true")).Should().Equal(alice.Id);

        await host.Patch(ScimResourceType.Group, eng.Id, $$"""[{"op":"remove","path":"members[value eq \"{{bob.Id}}\"]"}]""");
        Ids(await List(ScimResourceType.Group, $"id eq \"{eng.Id}\" and members eq \"{bob.Id}\"", excluded: "members")).Should().BeEmpty();
    }

    [Fact]
    public async Task BR15_quotes_and_backslashes_in_a_displayName_round_trip()
    {
        var created = await host.Service.CreateAsync(
            host.Context, ScimResourceType.Group, Json("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Team \"Blue\" \\ Ops: R&D"}"""),
            AttributeSelection.All, CancellationToken.None);

        var list = await List(ScimResourceType.Group, "displayName eq \"Team \\\"Blue\\\" \\\\ Ops: R&D\"");

        Ids(list).Should().Equal(created.Id);
        list["Resources"]![0]!["displayName"]!.GetValue<string>().Should().Be("Team \"Blue\" \\ Ops: R&D");
    }

    [Fact]
    public async Task BR21_a_lookup_that_matches_nothing_is_an_empty_list()
    {
        await host.CreateGroup("Engineering");

        var list = await List(ScimResourceType.Group, "displayName eq \"No Such Group\"", excluded: "members");

        list["totalResults"]!.GetValue<int>().Should().Be(0);
        list["Resources"].ShouldBeJson("[]");
    }

    [Fact]
    public async Task Filtered_results_are_paged_with_the_filtered_total()
    {
        for (var i = 0; i < 5; i++)
        {
            await host.CreateUser($"user{i}@example.com", $"\"title\":\"{(i % 2 == 0 ? "Engineer" : "Sales")}\"");
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var page = await List(ScimResourceType.User, "title eq \"engineer\"", startIndex: 2, count: 1);

        page["totalResults"]!.GetValue<int>().Should().Be(3);
        page["Resources"]![0]!["userName"]!.GetValue<string>().Should().Be("user2@example.com");
    }

    [Theory]
    [InlineData("userName eq")]
    [InlineData("userName zz \"x\"")]
    [InlineData("(userName eq \"x\"")]
    [InlineData("shoeSize eq \"9\"")]
    public async Task V68_bad_filters_are_400_invalidFilter(string filter)
    {
        await ((Func<Task>)(() => List(ScimResourceType.User, filter))).ShouldBeRefused(400, ScimErrorTypes.InvalidFilter);
    }
}
