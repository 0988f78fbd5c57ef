using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Service;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Tests.Scim;

/// <summary>RFC 9865 cursor paging of lists: cursors, page bounds, count rules, and refusals of foreign or forged cursors.</summary>
public sealed class CursorListTests
{
    private readonly ScimTestHost host = new(new ScimServiceLimits { MaxResults = 3, DefaultPageSize = 2 });

    private Task<JsonObject> List(string? cursor, int? count = null, string? sortBy = null, string? sortOrder = null, string? filter = null, int? startIndex = null, Tenant? tenant = null) =>
        host.Service.ListAsync(
            ScimTestHost.For(tenant ?? ScimTestHost.Acme), ScimResourceType.User,
            new ScimListRequest(filter, sortBy, sortOrder, startIndex, count, AttributeSelection.All, cursor), CancellationToken.None);

    private async Task<List<string>> Users(params string[] userNames)
    {
        var ids = new List<string>();
        foreach (var userName in userNames)
        {
            ids.Add((await host.CreateUser(userName, $$"""
                "title":"{{(userName.Length % 2 == 0 ? "" : userName[..1])}}","emails":[{"value":"{{userName}}@x.example","primary":true}]
                """)).Id);
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        return ids;
    }

    private static List<string> UserNames(JsonObject list) => [.. list["Resources"]!.AsArray().Select(r => r!["userName"]!.GetValue<string>())];

    private static string? Next(JsonObject list) => (string?)list["nextCursor"];

    private static string? Previous(JsonObject list) => (string?)list["previousCursor"];

    /// <summary>Follows nextCursor from the first page to the last; returns every page's userNames.</summary>
    private async Task<List<List<string>>> WalkForward(int count, string? sortBy = null, string? sortOrder = null, string? filter = null)
    {
        var pages = new List<List<string>>();
        var list = await List("", count, sortBy, sortOrder, filter);
        pages.Add(UserNames(list));
        while (Next(list) is { } next)
        {
            list = await List(next, count, sortBy, sortOrder, filter);
            pages.Add(UserNames(list));
        }

        return pages;
    }

    [Fact]
    public async Task An_empty_cursor_returns_the_first_page_with_a_nextCursor_and_no_startIndex()
    {
        await Users("d", "a", "c");

        var list = await List("");

        UserNames(list).Should().Equal("d", "a");
        list["totalResults"]!.GetValue<int>().Should().Be(3);
        list["itemsPerPage"]!.GetValue<int>().Should().Be(2);
        list.ContainsKey("startIndex").Should().BeFalse("RFC 9865 cursor pages have no startIndex");
        Next(list).Should().MatchRegex("^[A-Za-z0-9_-]+$", "cursor values use only unreserved characters");
        list.ContainsKey("previousCursor").Should().BeFalse("nothing precedes the first page");
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("userName", null)]
    [InlineData("userName", "descending")]
    [InlineData("title", null)]
    [InlineData("title", "descending")]
    [InlineData("emails", "descending")]
    [InlineData("meta.created", "descending")]
    public async Task Following_nextCursor_yields_every_resource_once_in_the_index_order(string? sortBy, string? sortOrder)
    {
        await Users("delta", "Alpha", "charlie", "Bravo", "echo", "fox", "golf");
        var indexOrder = UserNames(await host.Service.ListAsync(
            host.Context, ScimResourceType.User, new ScimListRequest(null, sortBy, sortOrder, 1, 3, AttributeSelection.All), CancellationToken.None))
            .Concat(UserNames(await host.Service.ListAsync(
                host.Context, ScimResourceType.User, new ScimListRequest(null, sortBy, sortOrder, 4, 3, AttributeSelection.All), CancellationToken.None)))
            .Concat(UserNames(await host.Service.ListAsync(
                host.Context, ScimResourceType.User, new ScimListRequest(null, sortBy, sortOrder, 7, 3, AttributeSelection.All), CancellationToken.None)));

        var pages = await WalkForward(2, sortBy, sortOrder);

        pages.Select(p => p.Count).Should().Equal(2, 2, 2, 1);
        pages.SelectMany(p => p).Should().Equal(indexOrder);
    }

    [Fact]
    public async Task Following_previousCursor_from_the_last_page_returns_the_same_pages()
    {
        await Users("delta", "Alpha", "charlie", "Bravo", "echo");
        var forward = await WalkForward(2, "userName", "descending");

        var list = await List("", 2, "userName", "descending");
        while (Next(list) is { } next)
        {
            list = await List(next, 2, "userName", "descending");
        }

        var backward = new List<List<string>> { UserNames(list) };
        while (Previous(list) is { } previous)
        {
            list = await List(previous, 2, "userName", "descending");
            backward.Add(UserNames(list));
        }

        backward.AsEnumerable().Reverse().Should().BeEquivalentTo(forward, o => o.WithStrictOrdering());
        Next(list).Should().NotBeNull("the first page, reached backward, still leads forward");
    }

    [Fact]
    public async Task Writes_between_pages_neither_repeat_nor_skip_the_other_resources()
    {
        var ids = await Users("a", "b", "c", "d", "e", "f");
        var first = await List("", 2, "userName");
        await host.Service.DeleteAsync(host.Context, ScimResourceType.User, ids[2], null, CancellationToken.None);
        await Users("bb", "zz");

        var second = await List(Next(first), 2, "userName");
        var rest = await List(Next(second), 10, "userName");

        UserNames(first).Concat(UserNames(second)).Concat(UserNames(rest)).Should().Equal("a", "b", "bb", "d", "e", "f", "zz");
        Next(rest).Should().BeNull();
    }

    [Fact]
    public async Task When_everything_after_a_cursor_is_gone_the_page_is_empty_and_leads_back_to_the_last_page()
    {
        var ids = await Users("a", "b", "c");
        var first = await List("", 2, "userName");
        await host.Service.DeleteAsync(host.Context, ScimResourceType.User, ids[2], null, CancellationToken.None);

        var empty = await List(Next(first), 2, "userName");
        var back = await List(Previous(empty), 2, "userName");

        UserNames(empty).Should().BeEmpty();
        Next(empty).Should().BeNull();
        UserNames(back).Should().Equal("a", "b");
    }

    [Fact]
    public async Task Nothing_to_list_gives_an_empty_page_without_cursors()
    {
        var list = await List("", filter: "userName eq \"nobody\"");

        list.ShouldBeJson("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":0,"itemsPerPage":0,"Resources":[]}""");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task A_count_below_one_is_400_invalidCount(int count)
    {
        await ((Func<Task>)(() => List("", count))).ShouldBeRefused(400, ScimErrorTypes.InvalidCount);
    }

    [Fact]
    public async Task A_count_above_the_maximum_is_lowered_to_it_and_no_count_means_the_default()
    {
        await Users("a", "b", "c", "d", "e");

        UserNames(await List("", 50)).Should().HaveCount(3);
        UserNames(await List("")).Should().HaveCount(2);
    }

    [Fact]
    public async Task StartIndex_with_a_cursor_is_400_invalidValue()
    {
        var refusal = await ((Func<Task>)(() => List("", startIndex: 1))).ShouldBeRefused(400, ScimErrorTypes.InvalidValue);

        refusal.Detail.Should().Contain("startIndex and cursor");
    }

    public static TheoryData<string> Forgeries => new()
    {
        "not a cursor",
        "abc=",
        "a",
        "%41",
        new string('A', 9000),
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("not json")),
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("[1]")),
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"v":2,"q":"x","d":"next"}""")),
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"v":1,"q":"x","d":"sideways"}""")),
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"v":1,"q":"x","d":"next","k":"a"}""")),
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"v":1,"q":"x","d":"next","k":{"a":1},"i":"x"}""")),
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"v":1,"q":"x","d":"next","k":1e400,"i":"x"}""")),
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"v":1,"q":"x","q":"y","d":"next"}""")),
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"v":1,"q":"x","d":"next","extra":true}""")),
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"v":1,"q":"x","d":"next","k":"\ud800","i":"x"}""")),
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_value_that_is_no_cursor_is_400_invalidCursor(string cursor)
    {
        await Users("a", "b", "c");

        await ((Func<Task>)(() => List(cursor))).ShouldBeRefused(400, ScimErrorTypes.InvalidCursor);
    }

    [Theory]
    [InlineData("userName pr", "userName", null)]
    [InlineData(null, "title", null)]
    [InlineData(null, "userName", "descending")]
    [InlineData(null, null, null)]
    public async Task A_cursor_of_another_query_is_400_invalidCursor(string? filter, string? sortBy, string? sortOrder)
    {
        await Users("a", "b", "c");
        var cursor = Next(await List("", 2, "userName"));

        var refusal = await ((Func<Task>)(() => List(cursor, 2, sortBy, sortOrder, filter))).ShouldBeRefused(400, ScimErrorTypes.InvalidCursor);

        refusal.Detail.Should().Contain("another query");
    }

    [Fact]
    public async Task The_same_sort_spelled_differently_is_the_same_query()
    {
        await Users("a", "b", "c");
        var cursor = Next(await List("", 2, "userName"));

        UserNames(await List(cursor, 2, "USERNAME", "ascending")).Should().Equal("c");
    }

    [Fact]
    public async Task A_cursor_of_another_tenant_is_400_invalidCursor()
    {
        await Users("a", "b", "c");
        await host.CreateUser("other", tenant: ScimTestHost.Globex);
        var cursor = Next(await List("", 1));

        await ((Func<Task>)(() => List(cursor, 1, tenant: ScimTestHost.Globex))).ShouldBeRefused(400, ScimErrorTypes.InvalidCursor);
    }

    [Fact]
    public async Task A_forged_position_only_moves_within_the_callers_own_result()
    {
        await Users("a", "b", "c");
        var digest = ScimCursor.QueryDigest(ScimTestHost.Acme, ScimResourceType.User, null, new SortSpecification(new AttributePath(null, "userName"), false));
        var forged = ScimCursor.Encode(digest, new ScimSeek(ScimSeekDirection.Forward, new ScimSortPosition(42.0, "no-such-id")));

        var list = await List(forged, 3, "userName");

        UserNames(list).Should().BeSubsetOf(["a", "b", "c"]);
    }

    [Fact]
    public void A_cursor_issued_earlier_reads_the_same_so_cursors_held_by_clients_stay_valid()
    {
        var digest = ScimCursor.QueryDigest(ScimTestHost.Acme, ScimResourceType.User, " userName pr ", new SortSpecification(new AttributePath(null, "userName"), true));

        var cursor = ScimCursor.Encode(digest, new ScimSeek(ScimSeekDirection.Forward, new ScimSortPosition("ann", "id-1")));

        cursor.Should().Be("eyJ2IjoxLCJxIjoibFl4cGluRjV6MUJqNUNGVyIsImQiOiJuZXh0IiwiayI6ImFubiIsImkiOiJpZC0xIn0");
    }

    [Fact]
    public async Task Cursors_round_trip_every_kind_of_sort_key()
    {
        var digest = ScimCursor.QueryDigest(ScimTestHost.Acme, ScimResourceType.User, "userName pr", null);
        foreach (var key in new object?[] { null, "Ärger 😀", 0.1, -1e300, true, false })
        {
            var seek = new ScimSeek(ScimSeekDirection.Backward, new ScimSortPosition(key, "id-1"));

            ScimCursor.Decode(ScimCursor.Encode(digest, seek), digest).Should().Be(seek);
        }
    }
}
