using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Service;
using static AutoRfpHex.Core.Tests.Scim.ScimTestHost;

namespace AutoRfpHex.Core.Tests.Scim;

/// <summary>
/// PATCHes racing on one resource through the service, on real parallel tasks. The store pauses between read and
/// write so the races really happen (asserted through its lost-race counter); none may lose an update (BR-13).
/// Pure membership edits take the unconditional path (no races to lose), every other PATCH the conditional one.
/// </summary>
public sealed class ConcurrencyTests
{
    private readonly ScimTestHost host = new();

    public ConcurrencyTests()
    {
        host.Store.BeforeUpdate = () => Task.Delay(Random.Shared.Next(0, 3));
    }

    private static Task Parallel(int count, Func<int, Task> work) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() => work(i))));

    private async Task<List<string>> Users(string prefix, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await host.CreateUser($"{prefix}{i}@example.com")).Id);
        }

        return ids;
    }

    [Fact]
    public async Task Two_hundred_parallel_member_adds_then_removes_lose_nothing()
    {
        var users = await Users("member", 200);
        var group = (await host.CreateGroup("Everyone")).Id;

        await Parallel(200, i => host.Patch(ScimResourceType.Group, group, $$"""[{"op":"add","path":"members","value":[{"value":"{{users[i]}}"}]}]"""));

        (await host.MemberIds(group)).Should().BeEquivalentTo(users);
        host.Store.MemberUpdates.Should().Be(200, "each add is a membership delta, written without a version check");
        host.Store.VersionMismatches.Should().Be(0, "membership-only edits commute, so none has to retry");

        await Parallel(150, i => host.Patch(ScimResourceType.Group, group, $$"""[{"op":"remove","path":"members[value eq \"{{users[i]}}\"]"}]"""));

        (await host.MemberIds(group)).Should().BeEquivalentTo(users.Skip(150));
        (await host.Stored(ScimResourceType.Group, group)).Version.Should().Be(1 + 200 + 150);
    }

    [Fact]
    public async Task BR13_concurrent_add_and_remove_pairs_keep_the_untouched_member()
    {
        var alice = (await host.CreateUser("alice@example.com")).Id;
        var bobs = await Users("bob", 50);
        var carols = await Users("carol", 50);
        var group = (await host.CreateGroup("Engineering", [alice, .. bobs])).Id;

        await Parallel(100, i => i % 2 == 0
            ? host.Patch(ScimResourceType.Group, group, $$"""[{"op":"add","path":"members","value":[{"value":"{{carols[i / 2]}}"}]}]""")
            : host.Patch(ScimResourceType.Group, group, $$"""[{"op":"remove","path":"members[value eq \"{{bobs[i / 2]}}\"]"}]"""));

        (await host.MemberIds(group)).Should().BeEquivalentTo([alice, .. carols]);
    }

    [Fact]
    public async Task Parallel_patches_to_one_user_touching_different_attributes_all_apply()
    {
        var id = (await host.CreateUser("busy@example.com")).Id;
        var singles = new[] { "displayName", "nickName", "title", "userType", "preferredLanguage", "locale", "timezone", "profileUrl" };

        await Parallel(singles.Length + 40, i => i < singles.Length
            ? host.Patch(ScimResourceType.User, id, $$"""[{"op":"replace","path":"{{singles[i]}}","value":"v{{i}}"}]""")
            : host.Patch(ScimResourceType.User, id, $$"""[{"op":"add","path":"emails","value":[{"value":"e{{i}}@example.com"}]}]"""));

        var stored = (await host.Stored(ScimResourceType.User, id)).Attributes;
        singles.Select((name, i) => stored[name]?.GetValue<string>() == $"v{i}").Should().AllBeEquivalentTo(true);
        stored["emails"]!.AsArray().Select(e => e!["value"]!.GetValue<string>())
            .Should().BeEquivalentTo(Enumerable.Range(singles.Length, 40).Select(i => $"e{i}@example.com"));
        host.Store.VersionMismatches.Should().BePositive();
    }

    [Fact]
    public async Task Membership_patches_that_also_rename_the_group_race_conditionally_and_lose_nothing()
    {
        var users = await Users("member", 30);
        var group = (await host.CreateGroup("Everyone")).Id;

        await Parallel(30, i => host.Patch(ScimResourceType.Group, group, $$"""
            [{"op":"add","path":"members","value":[{"value":"{{users[i]}}"}]},{"op":"replace","path":"displayName","value":"Everyone {{i}}"}]
            """));

        (await host.MemberIds(group)).Should().BeEquivalentTo(users);
        host.Store.MemberUpdates.Should().Be(0, "a PATCH that names a document attribute is a read-modify-write");
        host.Store.VersionMismatches.Should().BePositive("the renames must really have raced");
        (await host.Stored(ScimResourceType.Group, group)).Version.Should().Be(31);
    }

    [Fact]
    public async Task A_membership_patch_with_a_stale_if_match_is_412_and_adds_nothing()
    {
        var alice = (await host.CreateUser("alice@example.com")).Id;
        var group = (await host.CreateGroup("Everyone")).Id;
        await host.Patch(ScimResourceType.Group, group, """[{"op":"replace","path":"displayName","value":"All"}]""");

        await ((Func<Task>)(() => host.Patch(ScimResourceType.Group, group, $$"""[{"op":"add","path":"members","value":[{"value":"{{alice}}"}]}]""", "W/\"1\"")))
            .ShouldBeRefused(412, null);

        (await host.MemberIds(group)).Should().BeEmpty();
        host.Store.MemberUpdates.Should().Be(0);
    }

    [Fact]
    public async Task With_if_match_only_one_of_two_racing_writers_wins_and_the_other_gets_412()
    {
        var id = (await host.CreateUser("pinned@example.com")).Id;
        host.Store.BeforeUpdate = () => Task.Delay(50);

        var outcomes = await Task.WhenAll(new[] { "first", "second" }.Select(title => Task.Run(async () =>
        {
            try
            {
                await host.Service.PatchAsync(
                    host.Context, ScimResourceType.User, id, PatchBody($$"""[{"op":"replace","path":"title","value":"{{title}}"}]"""), "W/\"1\"",
                    AttributeSelection.All, CancellationToken.None);
                return 200;
            }
            catch (ScimException e)
            {
                return e.Status;
            }
        })));

        outcomes.Should().BeEquivalentTo([200, 412]);
        (await host.Stored(ScimResourceType.User, id)).Version.Should().Be(2);
    }
}
