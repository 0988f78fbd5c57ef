using System.Net;
using System.Text.Json.Nodes;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.Adapters.Http.Tests.Scim;

/// <summary>
/// RFC 9865 cursor paging of <c>/Users</c> and <c>/Groups</c> through the real pipeline: an empty or valueless cursor
/// starts, nextCursor and previousCursor walk the whole result both ways, and bad, foreign or conflicting cursor
/// requests are 400 with the RFC's scimType and no data.
/// </summary>
public sealed class CursorPagingTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private static async Task<JsonObject> PageAsync(HttpClient scim, string path)
    {
        using var response = await scim.GetAsync(path);
        return await response.ShouldBeCursorListResponseAsync();
    }

    private static IEnumerable<string> Ids(JsonObject page) => page.Resources().Select(r => (string)r["id"]!);

    private static string Query(string cursor) => "&cursor=" + Uri.EscapeDataString(cursor);

    private async Task<ScimSession> SessionWithUsersAsync(string prefix, params string[] userNames)
    {
        var session = await ScimSession.StartAsync(fixture.Host, prefix);
        foreach (var userName in userNames)
        {
            await session.Scim.CreateUserAsync(userName);
        }

        return session;
    }

    [Theory]
    [InlineData("?cursor")]
    [InlineData("?cursor=")]
    public async Task An_empty_or_valueless_cursor_returns_the_first_page(string cursor)
    {
        using var session = await SessionWithUsersAsync("cursor-first", "a@x.example", "b@x.example", "c@x.example");
        var all = await PageAsync(session.Scim, "scim/v2/Users?cursor&count=200");

        var first = await PageAsync(session.Scim, $"scim/v2/Users{cursor}&count=2");

        Ids(first).Should().Equal(Ids(all).Take(2));
        ((int)first["itemsPerPage"]!).Should().Be(2);
        first.TotalResults().Should().Be(all.TotalResults()).And.BeGreaterThan(2);
        first.ContainsKey("nextCursor").Should().BeTrue();
        first.ContainsKey("previousCursor").Should().BeFalse();
    }

    [Theory]
    [InlineData("Users", "sortBy=userName&sortOrder=descending&attributes=userName")]
    [InlineData("Users", "filter=" + "userName%20ew%20%22%40x.example%22")]
    [InlineData("Groups", "sortBy=displayName&excludedAttributes=members")]
    public async Task NextCursor_walks_to_the_end_and_previousCursor_walks_back_over_the_same_pages(string resource, string query)
    {
        using var session = await SessionWithUsersAsync("cursor-walk", "d@x.example", "a@x.example", "e@x.example", "c@x.example", "b@x.example");
        foreach (var name in new[] { "Sales", "Admins", "Ops", "Everyone", "Board" })
        {
            await session.Scim.CreateGroupAsync(name);
        }

        using var byIndex = await session.Scim.GetAsync($"scim/v2/{resource}?{query}&count=200");
        var expected = Ids(await byIndex.ShouldBeListResponseAsync()).ToList();

        var forward = new List<List<string>>();
        var page = await PageAsync(session.Scim, $"scim/v2/{resource}?{query}&cursor=&count=2");
        forward.Add([.. Ids(page)]);
        while ((string?)page["nextCursor"] is { } next)
        {
            page = await PageAsync(session.Scim, $"scim/v2/{resource}?{query}&count=2{Query(next)}");
            forward.Add([.. Ids(page)]);
        }

        var backward = new List<List<string>> { forward[^1] };
        while ((string?)page["previousCursor"] is { } previous)
        {
            page = await PageAsync(session.Scim, $"scim/v2/{resource}?{query}&count=2{Query(previous)}");
            backward.Insert(0, [.. Ids(page)]);
        }

        expected.Should().HaveCountGreaterThan(4);
        forward.SelectMany(p => p).Should().Equal(expected);
        forward.Should().AllSatisfy(p => p.Should().HaveCountLessThanOrEqualTo(2));
        backward.Should().BeEquivalentTo(forward, o => o.WithStrictOrdering());
    }

    [Theory]
    [InlineData("garbage!")]
    [InlineData("eyJ2IjoxfQ")]
    [InlineData("%E2%9C%93")]
    public async Task A_value_the_service_did_not_issue_is_400_invalidCursor(string cursor)
    {
        using var session = await SessionWithUsersAsync("cursor-bad", "a@x.example");

        using var response = await session.Scim.GetAsync("scim/v2/Users?cursor=" + cursor);

        await response.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "invalidCursor");
    }

    [Fact]
    public async Task A_cursor_of_another_filter_sort_or_resource_type_is_400_invalidCursor()
    {
        using var session = await SessionWithUsersAsync("cursor-other", "a@x.example", "b@x.example", "c@x.example");
        var next = (string)(await PageAsync(session.Scim, "scim/v2/Users?sortBy=userName&cursor&count=1"))["nextCursor"]!;

        foreach (var query in new[] { "filter=userName%20pr&sortBy=userName", "sortBy=userName&sortOrder=descending", "" })
        {
            using var response = await session.Scim.GetAsync($"scim/v2/Users?{query}&count=1{Query(next)}");

            var error = await response.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "invalidCursor");
            ((string)error["detail"]!).Should().Contain("filter, sortBy and sortOrder");
        }

        var unsorted = (string)(await PageAsync(session.Scim, "scim/v2/Users?cursor&count=1"))["nextCursor"]!;
        using var groups = await session.Scim.GetAsync($"scim/v2/Groups?count=1{Query(unsorted)}");
        await groups.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "invalidCursor");
    }

    [Fact]
    public async Task A_cursor_of_another_organization_or_environment_is_refused_without_data()
    {
        using var owner = await SessionWithUsersAsync("cursor-owner", "secret-1@owner.example", "secret-2@owner.example", "secret-3@owner.example");
        var next = (string)(await PageAsync(owner.Scim, "scim/v2/Users?cursor&count=1"))["nextCursor"]!;
        using var otherOrganization = await ScimSession.StartAsync(fixture.Host, "cursor-thief");
        using var otherEnvironment = await fixture.Host.CreateScimHttpClientAsync(await fixture.Host.ConnectAsync(owner.Organization, "sandbox"));

        foreach (var thief in new[] { otherOrganization.Scim, otherEnvironment })
        {
            using var response = await thief.GetAsync($"scim/v2/Users?count=1{Query(next)}");

            await response.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "invalidCursor");
            (await response.Content.ReadAsStringAsync()).Should().NotContain("owner.example");
        }
    }

    [Fact]
    public async Task StartIndex_with_a_cursor_is_400_invalidValue()
    {
        using var session = await SessionWithUsersAsync("cursor-both", "a@x.example");

        using var response = await session.Scim.GetAsync("scim/v2/Users?startIndex=1&cursor=");

        var error = await response.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        ((string)error["detail"]!).Should().Contain("startIndex and cursor");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task A_count_below_one_with_a_cursor_is_400_invalidCount(string count)
    {
        using var session = await SessionWithUsersAsync("cursor-count", "a@x.example");

        using var response = await session.Scim.GetAsync($"scim/v2/Users?cursor&count={count}");

        await response.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "invalidCount");
    }

    [Fact]
    public async Task Index_paging_stays_the_default()
    {
        using var session = await SessionWithUsersAsync("cursor-default", "a@x.example");

        using var response = await session.Scim.GetAsync("scim/v2/Users?count=0");

        var page = await response.ShouldBeListResponseAsync();
        page.ContainsKey("nextCursor").Should().BeFalse();
        ((int)page["startIndex"]!).Should().Be(1);
    }

    [Fact]
    public async Task ServiceProviderConfig_advertises_both_paging_methods()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "cursor-spc");

        var config = await session.Scim.GetResourceAsync("scim/v2/ServiceProviderConfig");

        var pagination = config["pagination"]!.AsObject();
        ((bool)pagination["cursor"]!).Should().BeTrue();
        ((bool)pagination["index"]!).Should().BeTrue();
        ((string)pagination["defaultPaginationMethod"]!).Should().Be("index");
        ((int)pagination["maxPageSize"]!).Should().Be((int)config["filter"]!["maxResults"]!);
        ((int)pagination["defaultPageSize"]!).Should().BePositive().And.BeLessThanOrEqualTo((int)pagination["maxPageSize"]!);
        pagination.ContainsKey("cursorTimeout").Should().BeFalse("cursors do not expire");
    }
}
