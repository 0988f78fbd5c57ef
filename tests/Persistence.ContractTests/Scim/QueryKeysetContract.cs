using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using AutoRfpHex.Persistence.ContractTests.Support;
using static AutoRfpHex.Persistence.ContractTests.Support.Filters;

namespace AutoRfpHex.Persistence.ContractTests.Scim;

/// <summary>
/// Keyset seeks (<see cref="ScimQuery.Seek"/>): walking forward from the start visits every match once, in the order index
/// paging gives, for every kind of sort key; walking backward from the end gives the same pages; page bounds tell
/// exactly whether anything lies before or after; writes between pages neither repeat nor skip the others; a seek never
/// leaves its tenant, whatever position it is given.
/// </summary>
public abstract class QueryKeysetContract : PersistenceContract
{
    private static readonly Tenant Tenant = Tenants.AProduction;

    private ScimRecords Records => new(Store, Time);

    protected override async Task SeedAsync()
    {
        static JsonObject Email(string value, bool? primary = null) =>
            primary is null ? new JsonObject { ["value"] = value } : new JsonObject { ["value"] = value, ["primary"] = primary };

        var seed = new (string UserName, JsonObject More)[]
        {
            ("delta", new JsonObject { ["title"] = "a", ["active"] = true }),
            ("Alpha", new JsonObject { ["title"] = "b", ["emails"] = new JsonArray(Email("z@x.example", false), Email("a@x.example", true)) }),
            ("charlie", new JsonObject { ["active"] = false }),
            ("Bravo", new JsonObject { ["title"] = "A", ["emails"] = new JsonArray(Email("m@x.example"), Email("b@x.example")), ["active"] = true }),
            ("echo", new JsonObject { ["title"] = "" }),
            ("foxtrot", new JsonObject { ["title"] = "b", ["emails"] = new JsonArray(Email("B@x.example", true)), ["active"] = false }),
            ("golf", new JsonObject { ["title"] = 7 }),
        };
        foreach (var (userName, more) in seed)
        {
            await Records.CreateUserAsync(Tenant, userName, more);
        }
    }

    public static TheoryData<string?, bool> Sorts => new()
    {
        { null, false },
        { "userName", false },
        { "userName", true },
        { "title", false },
        { "title", true },
        { "emails.value", false },
        { "emails", true },
        { "active", false },
        { "active", true },
        { "meta.created", true },
        { "meta.lastModified", false },
        { "id", true },
    };

    private static SortSpecification? Sort(string? path, bool descending) => path is null ? null : new(Path(path), descending);

    private Task<ScimQueryPage> SeekAsync(Tenant tenant, SortSpecification? sort, ScimSeek seek, int count, FilterNode? filter = null, ResourceLoadOptions? load = null) =>
        Store.Resources.QueryAsync(tenant, ScimResourceType.User, new ScimQuery(filter, sort, 1, count, load ?? ResourceLoadOptions.DocumentOnly, seek), None);

    private async Task<string[]> IndexOrderAsync(SortSpecification? sort, FilterNode? filter = null) =>
        Names((await Store.Resources.QueryAsync(Tenant, ScimResourceType.User, new ScimQuery(filter, sort, 1, 100, ResourceLoadOptions.DocumentOnly), None)).Resources);

    private static string[] Names(IEnumerable<ScimResourceRecord> records) => [.. records.Select(r => r.Attributes["userName"]!.GetValue<string>())];

    /// <summary>Follows each page's last position forward from the start; every page is checked for its bounds.</summary>
    private async Task<List<ScimQueryPage>> WalkForwardAsync(SortSpecification? sort, int count, FilterNode? filter = null)
    {
        var pages = new List<ScimQueryPage> { await SeekAsync(Tenant, sort, new ScimSeek(ScimSeekDirection.Forward, null), count, filter) };
        while (pages[^1].Bounds!.MoreAfter)
        {
            pages.Add(await SeekAsync(Tenant, sort, new ScimSeek(ScimSeekDirection.Forward, pages[^1].Bounds!.Last), count, filter));
            pages.Should().HaveCountLessThan(50, "a walk must end");
        }

        return pages;
    }

    /// <summary>Follows each page's first position backward from the end.</summary>
    private async Task<List<ScimQueryPage>> WalkBackwardAsync(SortSpecification? sort, int count)
    {
        var pages = new List<ScimQueryPage> { await SeekAsync(Tenant, sort, new ScimSeek(ScimSeekDirection.Backward, null), count) };
        while (pages[0].Bounds!.MoreBefore)
        {
            pages.Insert(0, await SeekAsync(Tenant, sort, new ScimSeek(ScimSeekDirection.Backward, pages[0].Bounds!.First), count));
            pages.Should().HaveCountLessThan(50, "a walk must end");
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Walking_forward_visits_every_match_once_in_the_index_order(string? path, bool descending)
    {
        var sort = Sort(path, descending);

        var pages = await WalkForwardAsync(sort, count: 2);

        pages.SelectMany(p => Names(p.Resources)).Should().Equal(await IndexOrderAsync(sort));
        pages.Select(p => p.Resources.Count).Should().Equal(2, 2, 2, 1);
        pages.Should().AllSatisfy(p => p.TotalResults.Should().Be(7));
        pages.Select(p => p.Bounds!.MoreBefore).Should().Equal(false, true, true, true);
        pages.Select(p => p.Bounds!.MoreAfter).Should().Equal(true, true, true, false);
        pages.Should().AllSatisfy(p =>
        {
            p.Bounds!.First!.Id.Should().Be(p.Resources[0].Id);
            p.Bounds.Last!.Id.Should().Be(p.Resources[^1].Id);
        });
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Walking_backward_from_the_end_gives_the_pages_that_precede_each_other(string? path, bool descending)
    {
        var sort = Sort(path, descending);
        var forward = await WalkForwardAsync(sort, count: 3);

        var backward = await WalkBackwardAsync(sort, count: 3);
        var fromMiddle = await SeekAsync(Tenant, sort, new ScimSeek(ScimSeekDirection.Backward, forward[1].Bounds!.First), 3);

        backward.SelectMany(p => Names(p.Resources)).Should().Equal(await IndexOrderAsync(sort));
        backward.Select(p => p.Resources.Count).Should().Equal(new[] { 1, 3, 3 }, "the short page is the first one when walking back from the end");
        Names(fromMiddle.Resources).Should().Equal(Names(forward[0].Resources));
        fromMiddle.Bounds.Should().BeEquivalentTo(new { MoreBefore = false, MoreAfter = true });
    }

    [Fact]
    public async Task A_filtered_walk_covers_the_matches_only_and_counts_them()
    {
        var sort = Sort("userName", false);

        var pages = await WalkForwardAsync(sort, count: 2, filter: Pr("title"));

        pages.SelectMany(p => Names(p.Resources)).Should().Equal(await IndexOrderAsync(sort, Pr("title")));
        pages.Should().AllSatisfy(p => p.TotalResults.Should().Be(5));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_walk_by_a_membership_attribute_under_an_or_filter_covers_every_match(bool descending)
    {
        // Sort keys computed per row, and an "or" a planner may split across two indexes (one side matches nothing): the
        // seek predicate must not change what the filter selects. SQLite once dropped rows here.
        var users = (await Store.Resources.QueryAsync(Tenant, ScimResourceType.User, new ScimQuery(null, null, 1, 100, ResourceLoadOptions.DocumentOnly), None)).Resources;
        await Records.CreateGroupAsync(Tenant, "Admins 8", users[0].Id, users[1].Id, users[2].Id);
        await Records.CreateGroupAsync(Tenant, "Admins 6", users[3].Id);
        var filter = Or(And(Eq("groups.display", "Admins 8"), Sw("groups.display", "nobody")), Lt("meta.created", users[5].Created.ToString("O")));
        var sort = Sort("groups.display", descending);

        var forward = await WalkForwardAsync(sort, count: 1, filter);

        forward.SelectMany(p => Names(p.Resources)).Should().Equal(await IndexOrderAsync(sort, filter));
        forward.Should().HaveCount(5);
    }

    [Fact]
    public async Task Writes_between_pages_neither_repeat_nor_skip_the_others()
    {
        var sort = Sort("userName", false);
        var first = await SeekAsync(Tenant, sort, new ScimSeek(ScimSeekDirection.Forward, null), 3);
        var gone = first.Resources[^1];
        (await Store.Resources.DeleteAsync(Tenant, ScimResourceType.User, gone.Id, null, None)).Should().BeTrue("the boundary resource itself may vanish");
        await Records.CreateUserAsync(Tenant, "aardvark");
        await Records.CreateUserAsync(Tenant, "hotel");

        var rest = await SeekAsync(Tenant, sort, new ScimSeek(ScimSeekDirection.Forward, first.Bounds!.Last), 100);

        Names(first.Resources).Should().Equal("Alpha", "Bravo", "charlie");
        Names(rest.Resources).Should().Equal("delta", "echo", "foxtrot", "golf", "hotel");
        rest.Bounds.Should().BeEquivalentTo(new { MoreBefore = true, MoreAfter = false });
    }

    [Fact]
    public async Task An_empty_page_lies_at_the_end_it_was_sought_toward()
    {
        var sort = Sort("userName", false);
        var last = (await SeekAsync(Tenant, sort, new ScimSeek(ScimSeekDirection.Backward, null), 1)).Bounds!.Last!;
        var first = (await SeekAsync(Tenant, sort, new ScimSeek(ScimSeekDirection.Forward, null), 1)).Bounds!.First!;

        var pastTheEnd = await SeekAsync(Tenant, sort, new ScimSeek(ScimSeekDirection.Forward, last), 2);
        var beforeTheStart = await SeekAsync(Tenant, sort, new ScimSeek(ScimSeekDirection.Backward, first), 2);

        pastTheEnd.Resources.Should().BeEmpty();
        pastTheEnd.Bounds.Should().Be(new ScimPageBounds(null, null, MoreBefore: true, MoreAfter: false));
        beforeTheStart.Resources.Should().BeEmpty();
        beforeTheStart.Bounds.Should().Be(new ScimPageBounds(null, null, MoreBefore: false, MoreAfter: true));
    }

    [Fact]
    public async Task Nothing_matching_gives_an_empty_page_with_nothing_on_either_side()
    {
        var page = await SeekAsync(Tenant, null, new ScimSeek(ScimSeekDirection.Forward, null), 2, Eq("userName", "nobody"));

        page.Resources.Should().BeEmpty();
        page.TotalResults.Should().Be(0);
        page.Bounds.Should().Be(new ScimPageBounds(null, null, false, false));
    }

    [Fact]
    public async Task Seeks_load_membership_edges_when_asked()
    {
        var user = (await SeekAsync(Tenant, null, new ScimSeek(ScimSeekDirection.Forward, null), 1)).Resources[0];
        var group = await Records.CreateGroupAsync(Tenant, "All", user.Id);

        var page = await SeekAsync(Tenant, null, new ScimSeek(ScimSeekDirection.Forward, null), 1, load: ResourceLoadOptions.Full);

        page.Resources[0].Groups.Should().Equal(new MemberReference(group.Id, ScimResourceType.Group, "All"));
    }

    public static TheoryData<Tenant> Others => [.. Tenants.OthersThanAProduction];

    [Theory]
    [MemberData(nameof(Others))]
    public async Task A_seek_never_leaves_its_tenant_whatever_the_position(Tenant other)
    {
        var sort = Sort("userName", false);
        var theirs = await Records.CreateUserAsync(other, "bob");
        var ours = await SeekAsync(Tenant, sort, new ScimSeek(ScimSeekDirection.Forward, null), 3);

        var forward = await SeekAsync(other, sort, new ScimSeek(ScimSeekDirection.Forward, ours.Bounds!.First), 100);
        var backward = await SeekAsync(other, sort, new ScimSeek(ScimSeekDirection.Backward, ours.Bounds!.First), 100);
        var none = await SeekAsync(other, sort, new ScimSeek(ScimSeekDirection.Forward, null), 100);

        forward.Resources.Select(r => r.Id).Should().Equal(theirs.Id);
        backward.Resources.Should().BeEmpty("'bob' sorts after 'Alpha', the position");
        none.Resources.Select(r => r.Id).Should().Equal(theirs.Id);
        new[] { forward.TotalResults, backward.TotalResults, none.TotalResults }.Should().AllBeEquivalentTo(1);
    }

    // "$…" strings would name a field or variable if a store put them into an expression unquoted.
    public static TheoryData<object?> ForgedKeys => new() { null, 42.0, true, "", "zzz", "\u0000", "$", "$$x", "$title" };

    [Theory]
    [MemberData(nameof(ForgedKeys))]
    public async Task Any_position_is_accepted_and_stays_within_the_result(object? key)
    {
        foreach (var sort in new[] { null, Sort("userName", false), Sort("title", true), Sort("active", false) })
        {
            foreach (var direction in new[] { ScimSeekDirection.Forward, ScimSeekDirection.Backward })
            {
                var page = await SeekAsync(Tenant, sort, new ScimSeek(direction, new ScimSortPosition(key, key is "$$x" ? "$$id" : "no-such-id")), 100);

                Names(page.Resources).Should().BeSubsetOf(await IndexOrderAsync(sort));
                page.TotalResults.Should().Be(7);
            }
        }
    }
}
