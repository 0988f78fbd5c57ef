using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;
using AutoRfpHex.Core.Scim.Service;
using AutoRfpHex.Core.Tests.Fakes;
using static AutoRfpHex.Core.Tests.Scim.ScimTestHost;

namespace AutoRfpHex.Core.Tests.Scim;

/// <summary>
/// Groups larger than one response may show (a limit of 3 here): the member limit on reads, member paging, the 204
/// answer of a group PATCH, and what the store is asked to load on each path.
/// </summary>
public sealed class LargeGroupTests
{
    private readonly ScimTestHost host = new(ScimServiceLimits.Default with { MaxMembersPerResponse = 3 });
    private readonly List<string> users = [];
    private string group = "";

    private async Task GroupOf(int members)
    {
        for (var i = 0; i < members; i++)
        {
            users.Add((await host.CreateUser($"user{i}@example.com")).Id);
        }

        group = (await host.CreateGroup("Everyone", AttributeSelection.FromQuery(null, "members"), [.. users])).Id;
        users.Sort(StringComparer.Ordinal);
    }

    private Task<ScimResourceResponse> Get(string? excluded = null, MemberPageRequest? page = null) =>
        host.Service.GetAsync(host.Context, ScimResourceType.Group, group, AttributeSelection.FromQuery(null, excluded), page, CancellationToken.None);

    private static List<string> MemberValues(ScimResourceResponse response) =>
        response.Body["members"]!.AsArray().Select(m => m!["value"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task A_group_within_the_limit_reads_whole()
    {
        await GroupOf(3);

        MemberValues(await Get()).Should().Equal(users);
    }

    [Fact]
    public async Task A_group_over_the_limit_is_400_tooMany_naming_the_three_ways_out()
    {
        await GroupOf(4);

        var refusal = await ((Func<Task>)(() => Get())).ShouldBeRefused(400, ScimErrorTypes.TooMany);

        refusal.Detail.Should().Contain("excludedAttributes=members").And.Contain("membersStartIndex").And.Contain($"groups.value eq \"{group}\"");
        (await Get(excluded: "members")).Body.ContainsKey("members").Should().BeFalse();
    }

    [Fact]
    public async Task Lists_refuse_a_page_whose_groups_have_more_members_together_than_the_limit()
    {
        await GroupOf(2);
        await host.CreateGroup("Pair", users[0], users[1]);
        var list = new ScimListRequest(null, null, null, null, null, AttributeSelection.All);

        var refusal = await ((Func<Task>)(() => host.Service.ListAsync(host.Context, ScimResourceType.Group, list, CancellationToken.None)))
            .ShouldBeRefused(400, ScimErrorTypes.TooMany);
        var onePerPage = await host.Service.ListAsync(host.Context, ScimResourceType.Group, list with { Count = 1 }, CancellationToken.None);
        var withoutMembers = await host.Service.ListAsync(
            host.Context, ScimResourceType.Group, list with { Selection = AttributeSelection.FromQuery(null, "members") }, CancellationToken.None);

        refusal.Detail.Should().Contain("together").And.Contain("excludedAttributes=members").And.Contain("smaller count");
        onePerPage["Resources"]!.AsArray().Single()!["members"]!.AsArray().Should().HaveCount(2);
        withoutMembers["totalResults"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task Root_searches_apply_the_member_limit_to_the_whole_page()
    {
        await GroupOf(2);
        await host.CreateGroup("Pair", users[0], users[1]);
        var search = Json($$"""{"schemas":["{{ScimSchemaUris.SearchRequest}}"],"filter":"displayName pr"}""");

        await ((Func<Task>)(() => host.Service.SearchAllTypesAsync(host.Context, search, CancellationToken.None))).ShouldBeRefused(400, ScimErrorTypes.TooMany);
        search["count"] = 1;
        (await host.Service.SearchAllTypesAsync(host.Context, search, CancellationToken.None))["Resources"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task A_list_checks_the_limit_with_one_capped_probe_for_the_page()
    {
        await GroupOf(2);
        var recording = new RecordingScimResourceStore(host.Store);
        var service = new ScimResourceService(recording, host.Store, host.Clock, ScimServiceLimits.Default with { MaxMembersPerResponse = 3 });

        await service.ListAsync(host.Context, ScimResourceType.Group, new ScimListRequest(null, null, null, null, null, AttributeSelection.All), CancellationToken.None);

        recording.Queries.Should().ContainSingle().Which.Query.Load.Should().Match<ResourceLoadOptions>(l => l.MemberLimit == 3 && l.MemberWindow == null);
    }

    [Fact]
    public async Task Member_pages_come_in_member_id_order_with_their_paging_facts()
    {
        await GroupOf(5);

        var first = await Get(page: new MemberPageRequest(1, 2));
        var last = await Get(page: new MemberPageRequest(5, 2));
        var clamped = await Get(page: new MemberPageRequest(0, 50));
        var totalOnly = await Get(page: new MemberPageRequest(null, 0));

        MemberValues(first).Should().Equal(users[0], users[1]);
        first.Body[ScimSchemaUris.MemberPage].ShouldBeJson("""{"startIndex":1,"itemsPerPage":2,"totalResults":5}""");
        first.Body["schemas"].ShouldBeJson($"""["{ScimSchemaUris.Group}","{ScimSchemaUris.MemberPage}"]""");
        MemberValues(last).Should().Equal(users[4]);
        MemberValues(clamped).Should().Equal(users[0], users[1], users[2]);
        clamped.Body[ScimSchemaUris.MemberPage].ShouldBeJson("""{"startIndex":1,"itemsPerPage":3,"totalResults":5}""");
        totalOnly.Body[ScimSchemaUris.MemberPage].ShouldBeJson("""{"startIndex":1,"itemsPerPage":0,"totalResults":5}""");
    }

    [Fact]
    public async Task Member_paging_is_ignored_when_members_are_not_shown()
    {
        await GroupOf(5);

        var body = (await Get(excluded: "members", page: new MemberPageRequest(1, 2))).Body;

        body.ContainsKey("members").Should().BeFalse();
        body.ContainsKey(ScimSchemaUris.MemberPage).Should().BeFalse();
        body["schemas"].ShouldBeJson($"""["{ScimSchemaUris.Group}"]""");
    }

    [Fact]
    public async Task A_group_patch_answers_without_a_body_and_never_reads_members()
    {
        await GroupOf(5);
        var recording = new RecordingScimResourceStore(host.Store);
        var service = new ScimResourceService(recording, host.Store, host.Clock, ScimServiceLimits.Default with { MaxMembersPerResponse = 3 });
        var extra = (await host.CreateUser("extra@example.com")).Id;

        var patched = await service.PatchAsync(
            host.Context, ScimResourceType.Group, group, PatchBody($$"""[{"op":"add","path":"members","value":[{"value":"{{extra}}"}]}]"""), null,
            AttributeSelection.All, CancellationToken.None);

        patched.Body.Should().BeNull();
        patched.ETag.Should().Be("W/\"2\"");
        recording.Loads.Should().OnlyContain(load => !load.IncludeMembers && !load.IncludeGroups);
        recording.MemberUpdates.Should().ContainSingle().Which.Change.Add.Should().Equal(extra);
    }

    [Fact]
    public async Task A_group_patch_with_a_projection_answers_with_the_group_as_asked()
    {
        await GroupOf(2);

        var patched = await host.Patch(
            ScimResourceType.Group, group, """[{"op":"replace","path":"displayName","value":"All"}]""", selection: AttributeSelection.FromQuery(null, "members"));

        patched.Body!["displayName"]!.GetValue<string>().Should().Be("All");
        patched.Body.ContainsKey("members").Should().BeFalse();
    }

    [Fact]
    public async Task A_patch_asking_for_the_members_of_a_group_over_the_limit_is_refused_before_anything_is_written()
    {
        await GroupOf(4);

        await ((Func<Task>)(() => host.Patch(
            ScimResourceType.Group, group, """[{"op":"replace","path":"displayName","value":"All"}]""", selection: AttributeSelection.FromQuery("members", null))))
            .ShouldBeRefused(400, ScimErrorTypes.TooMany);

        (await host.Stored(ScimResourceType.Group, group)).Version.Should().Be(1);
    }

    [Fact]
    public async Task A_user_patch_still_answers_with_the_user()
    {
        var id = (await host.CreateUser("ann@example.com")).Id;

        var patched = await host.Patch(ScimResourceType.User, id, """[{"op":"replace","path":"title","value":"Dr"}]""");

        patched.Body!["title"]!.GetValue<string>().Should().Be("Dr");
    }

    [Fact]
    public async Task Unknown_member_ids_are_named_up_to_twenty_with_the_count_of_the_rest()
    {
        await GroupOf(1);
        var unknown = Enumerable.Range(0, 25).Select(i => $"nobody-{i:00}").ToList();
        var value = string.Join(",", unknown.Select(id => $$"""{"value":"{{id}}"}"""));

        var refusal = await ((Func<Task>)(() => host.Patch(ScimResourceType.Group, group, $$"""[{"op":"add","path":"members","value":[{{value}}]}]""")))
            .ShouldBeRefused(400, ScimErrorTypes.InvalidValue);

        refusal.Detail.Should().Contain("'nobody-19'").And.NotContain("nobody-20").And.Contain("and 5 more (25 in all)");
        (await host.MemberIds(group)).Should().Equal(users);
    }
}
