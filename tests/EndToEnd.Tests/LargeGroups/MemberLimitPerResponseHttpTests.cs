using System.Net;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;
using static AutoRfpHex.EndToEnd.Tests.LargeGroups.LargeGroupHttpTests;

namespace AutoRfpHex.EndToEnd.Tests.LargeGroups;

/// <summary>
/// The member limit (5 here) per response over HTTP: a list page's groups together, and the answers of POST, PUT and a
/// PATCH asking for members, each refused 400 tooMany before anything is written.
/// </summary>
public sealed class MemberLimitPerResponseHttpTests(SmallMemberLimitHost fixture) : IClassFixture<SmallMemberLimitHost>
{
    private const int Limit = SmallMemberLimitHost.Limit;

    private static string GroupBody(string displayName, IEnumerable<string> members) =>
        $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"{{displayName}}","members":[{{string.Join(",", members.Select(id => $$"""{"value":"{{id}}"}"""))}}]}""";

    [Fact]
    public async Task A_list_page_whose_groups_have_more_members_together_than_the_limit_is_400_tooMany()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "lmlist");
        var users = await UsersAsync(session, Limit);
        await session.Scim.CreateGroupAsync("One", [.. users.Take(3)]);
        await session.Scim.CreateGroupAsync("Two", [.. users.Skip(2)]);

        using (var whole = await session.Scim.GetAsync("scim/v2/Groups"))
        {
            var error = await whole.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "tooMany");
            ((string)error["detail"]!).Should().Contain("together").And.Contain("excludedAttributes=members").And.Contain("smaller count");
        }

        using (var search = await session.Scim.PostJsonAsync("scim/v2/Groups/.search", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"]}"""))
        {
            await search.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "tooMany");
        }

        using var onePage = await session.Scim.GetAsync("scim/v2/Groups?count=1");
        (await onePage.ShouldBeListResponseAsync()).Resources().Single()["members"]!.AsArray().Should().HaveCount(3);
    }

    [Fact]
    public async Task A_post_or_put_whose_answer_would_show_too_many_members_is_refused_and_writes_nothing()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "lmwrite");
        var users = await UsersAsync(session, Limit + 1);
        var team = await session.Scim.CreateGroupAsync("Team", users[0]);

        using (var post = await session.Scim.PostJsonAsync("scim/v2/Groups", GroupBody("Big", users)))
        {
            var error = await post.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "tooMany");
            ((string)error["detail"]!).Should().Contain($"{Limit + 1} members").And.Contain("PATCH");
        }

        using (var put = await session.Scim.PutJsonAsync($"scim/v2/Groups/{team}", GroupBody("Renamed", users)))
        {
            await put.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "tooMany");
        }

        using var listed = await session.Scim.GetAsync("scim/v2/Groups?excludedAttributes=members");
        (await listed.ShouldBeListResponseAsync()).Resources().Select(g => (string)g["displayName"]!).Should().Equal("Team");
        (await session.Scim.MemberIdsAsync(team)).Should().Equal(users[0]);
    }

    [Fact]
    public async Task A_patch_asking_for_members_that_would_show_too_many_is_refused_before_it_is_written()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "lmpatch");
        var users = await UsersAsync(session, Limit + 1);
        var team = await session.Scim.CreateGroupAsync("Team", [.. users.Take(Limit - 1)]);

        using (var refused = await session.Scim.PatchJsonAsync($"scim/v2/Groups/{team}?attributes=members", ScimHttp.PatchBody(Add(users[^2], users[^1]))))
        {
            await refused.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "tooMany");
        }

        (await session.Scim.MemberIdsAsync(team)).Should().HaveCount(Limit - 1);
        (await session.Scim.GetResourceAsync($"scim/v2/Groups/{team}"))["meta"]!["version"]!.ToString().Should().Be("W/\"1\"");
        using var fits = await session.Scim.PatchJsonAsync($"scim/v2/Groups/{team}?attributes=members", ScimHttp.PatchBody(Add(users[^1])));
        (await fits.ReadJsonObjectAsync())["members"]!.AsArray().Should().HaveCount(Limit);
    }
}
