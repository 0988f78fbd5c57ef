using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;
using AutoRfpHex.Core.Scim.Service;
using AutoRfpHex.Core.Tests.Fakes;

namespace AutoRfpHex.Core.Tests.Scim;

/// <summary>
/// RFC 9865 cursor paging of <c>POST /.search</c>: the same order as root index paging (Users, then Groups) walked
/// both ways across the boundary, totals, empty pages and types, and refusals of cursors of another query, kind or tenant.
/// </summary>
public sealed class RootCursorSearchTests
{
    private readonly ScimTestHost host = new(new ScimServiceLimits { MaxResults = 50, DefaultPageSize = 3 });

    /// <summary>Four users (one without displayName), then three groups; every resource's name (userName or displayName) by id.</summary>
    private async Task<Dictionary<string, string>> SeedAsync()
    {
        var names = new Dictionary<string, string>();
        foreach (var (userName, displayName) in new[] { ("ann", "Zed"), ("bob", "Bob"), ("cy", null), ("dee", "Amy") })
        {
            var more = displayName is null ? null : $$""" "displayName":"{{displayName}}" """;
            names[(await host.CreateUser(userName, more)).Id] = userName;
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        foreach (var displayName in new[] { "Sales", "Bids", "Ops" })
        {
            names[(await host.CreateGroup(displayName)).Id] = displayName;
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        return names;
    }

    private Task<JsonObject> Search(string members, ScimCallContext? context = null) =>
        host.Service.SearchAllTypesAsync(context ?? host.Context, Body(members), CancellationToken.None);

    private static JsonObject Body(string members) =>
        ScimTestHost.Json($$"""{"schemas":["{{ScimSchemaUris.SearchRequest}}"]{{(members.Length == 0 ? "" : "," + members)}}}""");

    private static string CursorMember(string cursor) => $"\"cursor\":{JsonValue.Create(cursor).ToJsonString()}";

    private static string Joined(string query, params string[] members) => string.Join(",", members.Prepend(query).Where(m => m.Length > 0));

    private static List<string> Ids(JsonObject list) => [.. list["Resources"]!.AsArray().Select(r => r!["id"]!.GetValue<string>())];

    private static string? Next(JsonObject list) => (string?)list["nextCursor"];

    private static string? Previous(JsonObject list) => (string?)list["previousCursor"];

    /// <summary>Follows nextCursor from the first page to the last; returns every page.</summary>
    private async Task<List<JsonObject>> WalkForward(string query, int count, ScimCallContext? context = null)
    {
        var pages = new List<JsonObject> { await Search(Joined(query, CursorMember(""), $"\"count\":{count}"), context) };
        while (Next(pages[^1]) is { } next)
        {
            pages.Add(await Search(Joined(query, CursorMember(next), $"\"count\":{count}"), context));
            pages.Count.Should().BeLessThan(50, "a walk must end");
        }

        return pages;
    }

    /// <summary>Follows previousCursor from the given page to the first; returns every page, first page first.</summary>
    private async Task<List<JsonObject>> WalkBackward(string query, int count, JsonObject last)
    {
        var pages = new List<JsonObject> { last };
        while (Previous(pages[0]) is { } previous)
        {
            pages.Insert(0, await Search(Joined(query, CursorMember(previous), $"\"count\":{count}")));
            pages.Count.Should().BeLessThan(50, "a walk must end");
        }

        return pages;
    }

    public static TheoryData<string, int> WalkCases()
    {
        var data = new TheoryData<string, int>();
        foreach (var query in new[]
        {
            "",
            "\"sortBy\":\"displayName\"",
            "\"sortBy\":\"displayName\",\"sortOrder\":\"descending\"",
            "\"sortBy\":\"userName\",\"sortOrder\":\"descending\"",
            "\"sortBy\":\"urn:ietf:params:scim:schemas:core:2.0:Group:displayName\"",
            "\"sortBy\":\"meta.created\",\"sortOrder\":\"descending\",\"filter\":\"displayName pr\"",
        })
        {
            foreach (var count in new[] { 1, 2, 3, 4, 7, 50 })
            {
                data.Add(query, count);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WalkCases))]
    public async Task NextCursor_walks_users_then_groups_each_once_in_the_index_order_and_previousCursor_walks_back_over_the_same_pages(string query, int count)
    {
        await SeedAsync();
        var byIndex = await Search(Joined(query, "\"count\":50"));
        var total = byIndex["totalResults"]!.GetValue<int>();

        var forward = await WalkForward(query, count);
        var backward = await WalkBackward(query, count, forward[^1]);

        forward.SelectMany(Ids).Should().Equal(Ids(byIndex));
        forward.Should().HaveCount(Math.Max(1, (total + count - 1) / count), "every page but the last is full");
        forward.Should().AllSatisfy(page =>
        {
            page["totalResults"]!.GetValue<int>().Should().Be(total);
            page["itemsPerPage"]!.GetValue<int>().Should().Be(Ids(page).Count);
            page.ContainsKey("startIndex").Should().BeFalse("RFC 9865 cursor pages have no startIndex");
        });
        Previous(forward[0]).Should().BeNull("nothing precedes the first page");
        Next(forward[^1]).Should().BeNull("nothing follows the last page");
        backward.Select(Ids).Should().BeEquivalentTo(forward.Select(Ids), o => o.WithStrictOrdering());
        Next(backward[0]).Should().Be(forward.Count > 1 ? Next(forward[0]) : null, "the first page, reached backward, leads forward again");
    }

    [Fact]
    public async Task A_page_may_hold_the_last_users_and_the_first_groups()
    {
        var names = await SeedAsync();

        var first = await Search(Joined(CursorMember(""), "\"count\":3"));
        var second = await Search(Joined(CursorMember(Next(first)!), "\"count\":3"));

        Ids(second).Select(id => names[id]).Should().Equal("dee", "Sales", "Bids");
        second.ShouldBeJson($$"""
            {"schemas":["{{ScimSchemaUris.ListResponse}}"],"totalResults":7,"itemsPerPage":3,
             "nextCursor":"{{Next(second)}}","previousCursor":"{{Previous(second)}}","Resources":{{second["Resources"]!.ToJsonString()}}}
            """);
    }

    [Fact]
    public async Task The_count_may_change_between_pages_and_no_count_means_the_default()
    {
        var names = await SeedAsync();

        var first = await Search(CursorMember(""));
        var rest = await Search(Joined(CursorMember(Next(first)!), "\"count\":10"));

        Ids(first).Select(id => names[id]).Should().Equal("ann", "bob", "cy");
        Ids(rest).Select(id => names[id]).Should().Equal("dee", "Sales", "Bids", "Ops");
    }

    [Theory]
    [InlineData("\"filter\":\"userName pr\"", "ann,bob,cy,dee")]
    [InlineData("\"filter\":\"not (userName pr)\"", "Sales,Bids,Ops")]
    [InlineData("\"filter\":\"displayName sw \\\"B\\\"\"", "bob,Bids")]
    public async Task When_a_type_has_no_results_the_walk_covers_the_other_one_both_ways(string query, string expected)
    {
        var names = await SeedAsync();

        var forward = await WalkForward(query, 2);
        var backward = await WalkBackward(query, 2, forward[^1]);

        string.Join(",", forward.SelectMany(Ids).Select(id => names[id])).Should().Be(expected);
        backward.Select(Ids).Should().BeEquivalentTo(forward.Select(Ids), o => o.WithStrictOrdering());
        forward.Should().AllSatisfy(page => page["totalResults"]!.GetValue<int>().Should().Be(expected.Split(',').Length));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"sortBy\":\"displayName\"")]
    public async Task Nothing_to_search_gives_an_empty_page_without_cursors(string query)
    {
        var list = await Search(Joined(query, CursorMember("")));

        list.ShouldBeJson($$"""{"schemas":["{{ScimSchemaUris.ListResponse}}"],"totalResults":0,"itemsPerPage":0,"Resources":[]}""");
    }

    [Fact]
    public async Task When_everything_after_a_cursor_is_gone_the_page_is_empty_and_leads_back_to_the_last_page()
    {
        var names = await SeedAsync();
        var first = await Search(Joined(CursorMember(""), "\"count\":4"));
        foreach (var group in names.Where(n => n.Value is "Sales" or "Bids" or "Ops").Select(n => n.Key))
        {
            await host.Service.DeleteAsync(host.Context, ScimResourceType.Group, group, null, CancellationToken.None);
        }

        var empty = await Search(Joined(CursorMember(Next(first)!), "\"count\":4"));
        var back = await Search(Joined(CursorMember(Previous(empty)!), "\"count\":2"));

        Ids(empty).Should().BeEmpty();
        empty["totalResults"]!.GetValue<int>().Should().Be(4);
        Next(empty).Should().BeNull();
        Ids(back).Select(id => names[id]).Should().Equal("cy", "dee");
        Next(back).Should().BeNull();
    }

    [Fact]
    public async Task When_everything_before_a_cursor_is_gone_the_page_is_empty_and_leads_forward_to_the_first_page()
    {
        var names = await SeedAsync();
        var last = (await WalkForward("", 3))[^1];
        foreach (var (id, name) in names.Where(n => n.Value != "Ops"))
        {
            await host.Service.DeleteAsync(host.Context, name is "Sales" or "Bids" ? ScimResourceType.Group : ScimResourceType.User, id, null, CancellationToken.None);
        }

        var empty = await Search(Joined(CursorMember(Previous(last)!), "\"count\":3"));
        var forward = await Search(Joined(CursorMember(Next(empty)!), "\"count\":3"));

        Ids(empty).Should().BeEmpty();
        Previous(empty).Should().BeNull();
        Ids(forward).Select(id => names[id]).Should().Equal("Ops");
    }

    [Fact]
    public async Task Resources_written_between_pages_are_neither_repeated_nor_make_others_skipped()
    {
        var names = await SeedAsync();
        var first = await Search(Joined("\"sortBy\":\"displayName\"", CursorMember(""), "\"count\":4"));
        var added = (await host.CreateGroup("Aaa")).Id;
        await host.Service.DeleteAsync(host.Context, ScimResourceType.User, names.Single(n => n.Value == "ann").Key, null, CancellationToken.None);
        names[added] = "Aaa";

        var rest = await Search(Joined("\"sortBy\":\"displayName\"", CursorMember(Next(first)!), "\"count\":10"));

        Ids(first).Select(id => names[id]).Should().Equal("dee", "bob", "ann", "cy");
        Ids(rest).Select(id => names[id]).Should().Equal("Aaa", "Bids", "Ops", "Sales");
    }

    [Fact]
    public async Task A_page_inside_one_type_only_counts_the_other_and_every_read_is_a_seek_or_a_count()
    {
        await SeedAsync();
        var spy = new RecordingScimResourceStore(host.Store);
        var service = new ScimResourceService(spy, host.Store, host.Clock, new ScimServiceLimits { MaxResults = 50, DefaultPageSize = 3 });

        var first = await service.SearchAllTypesAsync(host.Context, Body(Joined(CursorMember(""), "\"count\":2")), CancellationToken.None);
        var boundary = await service.SearchAllTypesAsync(host.Context, Body(Joined(CursorMember(Next(first)!), "\"count\":3")), CancellationToken.None);

        Ids(first).Should().HaveCount(2);
        Ids(boundary).Should().HaveCount(3);
        spy.Queries.Select(q => $"{q.Type} {(q.Query.Seek is null ? "count" : "seek")} {q.Query.Count}").Should().Equal(
            "User seek 2", "Group count 0",
            "User seek 3", "Group seek 1");
    }

    [Theory]
    [MemberData(nameof(CursorListTests.Forgeries), MemberType = typeof(CursorListTests))]
    public async Task A_value_that_is_no_cursor_is_400_invalidCursor(string cursor)
    {
        await SeedAsync();

        await ((Func<Task>)(() => Search(CursorMember(cursor)))).ShouldBeRefused(400, ScimErrorTypes.InvalidCursor);
    }

    [Theory]
    [InlineData("""{"v":1,"q":"{digest}","d":"next"}""")]
    [InlineData("""{"v":1,"q":"{digest}","t":"user","d":"next"}""")]
    [InlineData("""{"v":1,"q":"{digest}","t":"0","d":"next"}""")]
    [InlineData("""{"v":1,"q":"{digest}","t":1,"d":"next"}""")]
    [InlineData("""{"v":1,"q":"{digest}","t":null,"d":"next"}""")]
    [InlineData("""{"v":1,"q":"{digest}","t":"Schema","d":"next"}""")]
    [InlineData("""{"v":1,"q":"{digest}","t":"User","t":"Group","d":"next"}""")]
    public async Task A_root_cursor_without_a_searched_type_is_400_invalidCursor(string document)
    {
        await SeedAsync();
        var digest = ScimCursor.RootQueryDigest(ScimTestHost.Acme, null, [null, null]);
        var cursor = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(document.Replace("{digest}", digest)));

        var refusal = await ((Func<Task>)(() => Search(CursorMember(cursor)))).ShouldBeRefused(400, ScimErrorTypes.InvalidCursor);

        refusal.Detail.Should().Contain("not one this service issued");
    }

    [Fact]
    public async Task A_root_cursor_with_the_right_digest_reads_as_issued()
    {
        var names = await SeedAsync();
        var digest = ScimCursor.RootQueryDigest(ScimTestHost.Acme, null, [null, null]);

        var groups = await Search(Joined(CursorMember(ScimCursor.EncodeRoot(digest, ScimResourceType.Group, new ScimSeek(ScimSeekDirection.Forward, null))), "\"count\":10"));

        Ids(groups).Select(id => names[id]).Should().Equal("Sales", "Bids", "Ops");
        Previous(groups).Should().NotBeNull("the users precede the groups");
    }

    [Theory]
    [InlineData("\"filter\":\"userName pr\"")]
    [InlineData("\"sortBy\":\"displayName\",\"sortOrder\":\"descending\"")]
    [InlineData("\"sortBy\":\"userName\"")]
    public async Task A_root_cursor_of_another_query_is_400_invalidCursor(string otherQuery)
    {
        await SeedAsync();
        var next = Next(await Search(Joined("\"sortBy\":\"displayName\"", CursorMember(""), "\"count\":2")))!;

        var refusal = await ((Func<Task>)(() => Search(Joined(otherQuery, CursorMember(next))))).ShouldBeRefused(400, ScimErrorTypes.InvalidCursor);

        refusal.Detail.Should().Contain("another query");
    }

    [Theory]
    [InlineData(ScimResourceType.User)]
    [InlineData(ScimResourceType.Group)]
    public async Task A_cursor_of_a_type_list_is_refused_at_the_root_and_a_root_cursor_by_a_type_list(ScimResourceType type)
    {
        await SeedAsync();
        var request = new ScimListRequest(null, null, null, null, 1, AttributeSelection.All, "");
        var typeCursor = Next(await host.Service.ListAsync(host.Context, type, request, CancellationToken.None))!;
        var rootCursor = Next(await Search(Joined(CursorMember(""), "\"count\":1")))!;

        var atRoot = await ((Func<Task>)(() => Search(CursorMember(typeCursor)))).ShouldBeRefused(400, ScimErrorTypes.InvalidCursor);
        var atType = await ((Func<Task>)(() => host.Service.SearchAsync(host.Context, type, Body(CursorMember(rootCursor)), CancellationToken.None)))
            .ShouldBeRefused(400, ScimErrorTypes.InvalidCursor);

        atRoot.Detail.Should().Contain("another query");
        atType.Detail.Should().Contain("another query");
    }

    [Fact]
    public async Task A_root_cursor_with_a_type_lists_digest_is_still_refused_there()
    {
        var digest = ScimCursor.QueryDigest(ScimTestHost.Acme, ScimResourceType.User, null, null);
        var cursor = ScimCursor.EncodeRoot(digest, ScimResourceType.User, new ScimSeek(ScimSeekDirection.Forward, null));

        await ((Func<Task>)(() => host.Service.ListAsync(
            host.Context, ScimResourceType.User, new ScimListRequest(null, null, null, null, null, AttributeSelection.All, cursor), CancellationToken.None)))
            .ShouldBeRefused(400, ScimErrorTypes.InvalidCursor);
    }

    [Fact]
    public async Task A_root_cursor_of_another_organization_or_environment_is_400_invalidCursor()
    {
        await SeedAsync();
        await host.CreateUser("zoe", tenant: ScimTestHost.Globex);
        await host.CreateUser("ann", tenant: ScimTestHost.AcmeSandbox);
        var next = Next(await Search(Joined(CursorMember(""), "\"count\":1")))!;

        foreach (var other in new[] { ScimTestHost.Globex, ScimTestHost.AcmeSandbox })
        {
            await ((Func<Task>)(() => Search(CursorMember(next), ScimTestHost.For(other)))).ShouldBeRefused(400, ScimErrorTypes.InvalidCursor);
        }
    }

    [Fact]
    public async Task A_tenants_root_cursor_walk_sees_only_its_own_resources()
    {
        await SeedAsync();
        var sandbox = ScimTestHost.For(ScimTestHost.AcmeSandbox);
        var ann = (await host.CreateUser("ann", tenant: ScimTestHost.AcmeSandbox)).Id;
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var bob = (await host.CreateUser("bob", tenant: ScimTestHost.AcmeSandbox)).Id;

        var pages = await WalkForward("", 1, sandbox);

        pages.SelectMany(Ids).Should().Equal(ann, bob);
        pages.Should().AllSatisfy(p => p["totalResults"]!.GetValue<int>().Should().Be(2));
    }
}
