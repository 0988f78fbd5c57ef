using System.Net;
using System.Text.Json.Nodes;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.Adapters.Http.Tests.Scim;

/// <summary>
/// RFC 9865 cursor paging of <c>POST /scim/v2/.search</c> through the real pipeline: nextCursor walks users then groups
/// to the end in the order of root index paging, previousCursor walks back over the same pages, and cursors of a
/// type list, of another query or of another tenant are 400 <c>invalidCursor</c> without data.
/// </summary>
public sealed class RootCursorSearchTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    /// <summary>A SearchRequest with the given members (JSON text without braces, at least one) and a cursor.</summary>
    private static string Body(string members, string cursor) =>
        ScimHttp.SearchRequestBody($"{members},\"cursor\":{JsonValue.Create(cursor).ToJsonString()}");

    private static async Task<JsonObject> SearchAsync(HttpClient scim, string members, string cursor)
    {
        using var response = await scim.PostJsonAsync("scim/v2/.search", Body(members, cursor));
        return await response.ShouldBeCursorListResponseAsync();
    }

    private static List<string> Ids(JsonObject page) => [.. page.Resources().Select(r => (string)r["id"]!)];

    private async Task<ScimSession> SeededSessionAsync(string prefix)
    {
        var session = await ScimSession.StartAsync(fixture.Host, prefix);
        foreach (var userName in new[] { "d@x.example", "a@x.example", "e@x.example", "b@x.example" })
        {
            await session.Scim.CreateUserAsync(userName);
        }

        foreach (var name in new[] { "Sales", "Admins", "Ops" })
        {
            await session.Scim.CreateGroupAsync(name);
        }

        return session;
    }

    [Theory]
    [InlineData("", 2)]
    [InlineData("\"count\":3,\"sortBy\":\"displayName\",\"sortOrder\":\"descending\",\"excludedAttributes\":[\"members\",\"groups\"]", 3)]
    [InlineData("\"count\":2,\"filter\":\"userName ew \\\"@x.example\\\" or displayName pr\",\"attributes\":[\"userName\",\"displayName\"]", 2)]
    public async Task NextCursor_walks_users_then_groups_to_the_end_and_previousCursor_walks_back_over_the_same_pages(string query, int pageSize)
    {
        using var session = await SeededSessionAsync("rcursor-walk");
        var members = query.Length == 0 ? "\"count\":2" : query;
        using var byIndex = await session.Scim.PostJsonAsync("scim/v2/.search", ScimHttp.SearchRequestBody(members.Replace($"\"count\":{pageSize}", "\"count\":200")));
        var all = await byIndex.ShouldBeListResponseAsync();

        var forward = new List<JsonObject> { await SearchAsync(session.Scim, members, "") };
        while ((string?)forward[^1]["nextCursor"] is { } next)
        {
            forward.Add(await SearchAsync(session.Scim, members, next));
        }

        var backward = new List<JsonObject> { forward[^1] };
        while ((string?)backward[0]["previousCursor"] is { } previous)
        {
            backward.Insert(0, await SearchAsync(session.Scim, members, previous));
        }

        Ids(all).Should().HaveCountGreaterThan(2 * pageSize);
        forward.SelectMany(Ids).Should().Equal(Ids(all));
        forward.SkipLast(1).Should().AllSatisfy(p => Ids(p).Should().HaveCount(pageSize));
        forward.Should().AllSatisfy(p => p.TotalResults().Should().Be(all.TotalResults()));
        forward.Should().Contain(p => p.Resources().Any(r => r["userName"] != null) && p.Resources().Any(r => r["userName"] == null), "a page spans the boundary");
        backward.Select(Ids).Should().BeEquivalentTo(forward.Select(Ids), o => o.WithStrictOrdering());
        JsonNode.DeepEquals(new JsonArray([.. forward.SelectMany(p => p.Resources()).Select(r => r.DeepClone())]), all["Resources"]).Should()
            .BeTrue("a cursor page renders each resource as the index page does");
    }

    [Fact]
    public async Task A_cursor_of_a_type_list_is_refused_at_the_root_and_a_root_cursor_by_the_type_lists()
    {
        using var session = await SeededSessionAsync("rcursor-kind");
        using var users = await session.Scim.GetAsync("scim/v2/Users?cursor&count=1");
        var userCursor = (string)(await users.ShouldBeCursorListResponseAsync())["nextCursor"]!;
        var rootCursor = (string)(await SearchAsync(session.Scim, "\"count\":1", ""))["nextCursor"]!;

        using var atRoot = await session.Scim.PostJsonAsync("scim/v2/.search", Body("\"count\":1", userCursor));
        using var atUsersSearch = await session.Scim.PostJsonAsync("scim/v2/Users/.search", Body("\"count\":1", rootCursor));
        using var atGroups = await session.Scim.GetAsync("scim/v2/Groups?count=1&cursor=" + Uri.EscapeDataString(rootCursor));

        foreach (var response in new[] { atRoot, atUsersSearch, atGroups })
        {
            var error = await response.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "invalidCursor");
            ((string)error["detail"]!).Should().Contain("another query");
        }
    }

    [Fact]
    public async Task A_root_cursor_of_another_query_is_400_invalidCursor()
    {
        using var session = await SeededSessionAsync("rcursor-query");
        var next = (string)(await SearchAsync(session.Scim, "\"count\":1,\"sortBy\":\"displayName\"", ""))["nextCursor"]!;

        using var response = await session.Scim.PostJsonAsync("scim/v2/.search", Body("\"count\":1,\"sortBy\":\"displayName\",\"sortOrder\":\"descending\"", next));

        await response.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "invalidCursor");
    }

    [Fact]
    public async Task A_root_cursor_of_another_organization_or_environment_is_refused_without_data()
    {
        using var owner = await ScimSession.StartAsync(fixture.Host, "rcursor-owner");
        foreach (var userName in new[] { "secret-1@owner.example", "secret-2@owner.example" })
        {
            await owner.Scim.CreateUserAsync(userName);
        }

        var next = (string)(await SearchAsync(owner.Scim, "\"count\":1", ""))["nextCursor"]!;
        using var otherOrganization = await ScimSession.StartAsync(fixture.Host, "rcursor-thief");
        using var otherEnvironment = await fixture.Host.CreateScimHttpClientAsync(await fixture.Host.ConnectAsync(owner.Organization, "sandbox"));

        foreach (var thief in new[] { otherOrganization.Scim, otherEnvironment })
        {
            using var response = await thief.PostJsonAsync("scim/v2/.search", Body("\"count\":1", next));

            await response.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "invalidCursor");
            (await response.Content.ReadAsStringAsync()).Should().NotContain("owner.example");
        }
    }
}
