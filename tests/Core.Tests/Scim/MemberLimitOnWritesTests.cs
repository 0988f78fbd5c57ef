using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Service;
using AutoRfpHex.Core.Tests.Fakes;
using static AutoRfpHex.Core.Tests.Scim.ScimTestHost;

namespace AutoRfpHex.Core.Tests.Scim;

/// <summary>
/// The member limit (3 here) on the answers of POST, PUT and PATCH: a write whose answer would show more members is
/// refused before anything is written, and the check never counts the whole group.
/// </summary>
public sealed class MemberLimitOnWritesTests
{
    private const int Limit = 3;
    private static readonly AttributeSelection ShowMembers = AttributeSelection.FromQuery("members", null);
    private static readonly AttributeSelection HideMembers = AttributeSelection.FromQuery(null, "members");
    private readonly ScimTestHost host = new(ScimServiceLimits.Default with { MaxMembersPerResponse = Limit });
    private readonly List<string> users = [];

    private async Task Users(int count)
    {
        for (var i = 0; i < count; i++)
        {
            users.Add((await host.CreateUser($"user{i}@example.com")).Id);
        }
    }

    private static string AddMembers(IEnumerable<string> ids) =>
        $$"""[{"op":"add","path":"members","value":[{{string.Join(",", ids.Select(id => $$"""{"value":"{{id}}"}"""))}}]}]""";

    private Task Replace(string id, IEnumerable<string> members, AttributeSelection selection) =>
        host.Service.ReplaceAsync(host.Context, ScimResourceType.Group, id, GroupBody("Team", members), null, selection, CancellationToken.None);

    [Fact]
    public async Task Members_added_concurrently_past_the_limit_leave_members_out_of_the_answer_not_fail_the_stored_write()
    {
        await Users(4);
        var group = (await host.CreateGroup("Team", HideMembers, users[0], users[1])).Id;
        // Another request adds a member between this PATCH's limit check and its write.
        host.Store.BeforeUpdate = async () =>
        {
            host.Store.BeforeUpdate = null;
            await host.Patch(ScimResourceType.Group, group, AddMembers([users[3]]));
        };

        var answer = await host.Patch(ScimResourceType.Group, group, AddMembers([users[2]]), selection: ShowMembers);

        answer.Body.Should().NotBeNull();
        answer.Body!.ContainsKey("members").Should().BeFalse("the group is over the limit now, and the write must not be reported as failed");
        (await host.MemberIds(group)).Should().BeEquivalentTo(users);
    }

    [Fact]
    public async Task A_post_showing_more_members_than_the_limit_is_refused_and_creates_nothing()
    {
        await Users(4);

        var refusal = await ((Func<Task>)(() => host.CreateGroup("Team", [.. users]))).ShouldBeRefused(400, ScimErrorTypes.TooMany);

        refusal.Detail.Should().Contain("4 members").And.Contain("PATCH");
        (await host.Service.ListAsync(host.Context, ScimResourceType.Group, new ScimListRequest(null, null, null, null, null, HideMembers), CancellationToken.None))
            ["totalResults"]!.GetValue<int>().Should().Be(0);
        (await host.CreateGroup("Team", HideMembers, [.. users])).Body.ContainsKey("members").Should().BeFalse();
    }

    [Fact]
    public async Task A_put_showing_more_members_than_the_limit_is_refused_and_changes_nothing()
    {
        await Users(4);
        var group = (await host.CreateGroup("Team", users[0])).Id;

        await ((Func<Task>)(() => Replace(group, users, AttributeSelection.All))).ShouldBeRefused(400, ScimErrorTypes.TooMany);

        (await host.Stored(ScimResourceType.Group, group)).Version.Should().Be(1);
        await Replace(group, [.. users, users[0]], HideMembers); // duplicates count once; hidden members are not limited
        (await host.MemberIds(group)).Should().HaveCount(4);
    }

    [Fact]
    public async Task A_patch_adding_members_past_the_limit_with_members_asked_is_refused_before_anything_is_written()
    {
        await Users(4);
        var group = (await host.CreateGroup("Team", users[0], users[1])).Id;

        var refusal = await ((Func<Task>)(() => host.Patch(ScimResourceType.Group, group, AddMembers(users[2..]), selection: ShowMembers)))
            .ShouldBeRefused(400, ScimErrorTypes.TooMany);

        refusal.Detail.Should().Contain("excludedAttributes=members").And.Contain("nothing was changed");
        (await host.MemberIds(group)).Should().HaveCount(2);
        (await host.Stored(ScimResourceType.Group, group)).Version.Should().Be(1);
        (await host.Patch(ScimResourceType.Group, group, AddMembers(users[2..]))).Body.Should().BeNull("without a projection nothing is shown");
    }

    [Fact]
    public async Task A_patch_whose_answer_fits_shows_the_members()
    {
        await Users(4);
        var group = (await host.CreateGroup("Team", users[0])).Id;

        var added = await host.Patch(ScimResourceType.Group, group, AddMembers(users[1..3]), selection: ShowMembers);
        var replaced = await host.Patch(
            ScimResourceType.Group, group, $$"""[{"op":"replace","path":"members","value":[{"value":"{{users[3]}}"}]}]""", selection: ShowMembers);

        added.Body!["members"]!.AsArray().Should().HaveCount(3);
        replaced.Body!["members"]!.AsArray().Should().ContainSingle("a replace counts only its own members");
    }

    [Fact]
    public async Task The_patch_check_is_a_capped_probe_never_a_count_of_the_group()
    {
        await Users(2);
        var group = (await host.CreateGroup("Team", users[0])).Id;
        var recording = new RecordingScimResourceStore(host.Store);
        var service = new ScimResourceService(recording, host.Store, host.Clock, ScimServiceLimits.Default with { MaxMembersPerResponse = Limit });

        await service.PatchAsync(host.Context, ScimResourceType.Group, group, PatchBody(AddMembers([users[1]])), null, ShowMembers, CancellationToken.None);

        recording.Loads.Should().NotContain(load => load.MemberWindow != null);
        recording.Loads.Should().Contain(load => load.OnlyCheckMemberLimit && load.MemberLimit == Limit - 1);
        recording.Loads.Where(load => load.IncludeMembers).Should().OnlyContain(load => load.MemberLimit != null);
    }
}
