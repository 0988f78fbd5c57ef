using System.Text.Json;
using AutoRfpHex.ApiClient.Scim;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.EndToEnd.Tests.Conformance;

/// <summary>
/// RFC 7644 §3.4.3 searches through the client generated from the contract: the DTO it sends (unset members as
/// JSON null) is accepted, and the answers match the GET lists.
/// </summary>
public sealed class SearchConformanceTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private const string SearchRequestSchema = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    [Fact]
    public async Task A_client_searches_users_and_groups_with_the_query_in_the_body()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "e2esearch", "sandbox");
        var alice = await session.Scim.CreateUserAsync("alice@example.com", externalId: "00u-alice");
        var bob = await session.Scim.CreateUserAsync("bob@example.com");
        var engineering = await session.Scim.CreateGroupAsync("Engineering", alice, bob);
        var scim = new ScimClient(session.Scim);

        var found = await scim.SearchUsersAsync(new SearchRequest
        {
            Schemas = [SearchRequestSchema], Filter = "userName eq \"ALICE@example.com\"", Attributes = ["userName", "externalId"], StartIndex = 1, Count = 100,
        });
        var sorted = await scim.SearchUsersAsync(new SearchRequest { Schemas = [SearchRequestSchema], SortBy = "userName", SortOrder = SortOrder.Descending });
        var groups = await scim.SearchGroupsAsync(new SearchRequest { Schemas = [SearchRequestSchema], ExcludedAttributes = ["members"] });
        var listed = await scim.ListUsersAsync(sortBy: "userName", sortOrder: SortOrder.Descending);

        found.StatusCode.Should().Be(200);
        found.Result.TotalResults.Should().Be(1);
        var user = Resources<User>(found.Result).Single();
        (user.Id, user.UserName, user.ExternalId, user.Emails).Should().Be((alice, "alice@example.com", "00u-alice", null));
        Resources<User>(sorted.Result).Select(u => u.Id).Should().Equal(bob, alice).And.Equal(Resources<User>(listed.Result).Select(u => u.Id));
        var group = Resources<Group>(groups.Result).Single();
        (group.Id, group.DisplayName, group.Members).Should().Be((engineering, "Engineering", null));
    }

    [Fact]
    public async Task A_client_searches_the_root_for_users_then_groups()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "e2eroot", "sandbox");
        var eve = await session.Scim.CreateUserAsync("eve@example.com");
        var engineering = await session.Scim.CreateGroupAsync("Engineering", eve);
        await session.Scim.CreateGroupAsync("Sales");
        var scim = new ScimClient(session.Scim);

        var page = await scim.SearchResourcesAsync(new SearchRequest
        {
            Schemas = [SearchRequestSchema], Filter = "userName sw \"eve\" or members.value eq \"" + eve + "\"", Count = 1,
        });
        var next = await scim.SearchResourcesAsync(new SearchRequest
        {
            Schemas = [SearchRequestSchema], Filter = "userName sw \"eve\" or members.value eq \"" + eve + "\"", StartIndex = 2, Count = 1,
        });

        page.Result.TotalResults.Should().Be(2);
        Resources<User>(page.Result).Single().Id.Should().Be(eve);
        Resources<User>(page.Result).Single().Meta!.ResourceType.Should().Be("User");
        var group = Resources<Group>(next.Result).Single();
        (group.Id, group.Meta!.ResourceType).Should().Be((engineering, "Group"));
        group.Meta.Location.Should().EndWith("/scim/v2/Groups/" + engineering);
    }

    private static IReadOnlyList<T> Resources<T>(ListResponse page) =>
        page.Resources.Select(r => JsonSerializer.Deserialize<T>(((JsonElement)r).GetRawText())!).ToArray();
}
