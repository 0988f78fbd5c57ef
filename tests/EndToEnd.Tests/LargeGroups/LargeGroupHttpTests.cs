using System.Net;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Service;
using AutoRfpHex.Core.Tenancy;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRfpHex.EndToEnd.Tests.LargeGroups;

/// <summary>A service that shows at most 5 members per group, so "huge" groups are small enough to build in a test.</summary>
public sealed class SmallMemberLimitHost : IDisposable
{
    public const int Limit = 5;

    public ServiceHost Host { get; } = new(settings: new Dictionary<string, string?> { ["Scim:MaxMembersPerResponse"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public void Dispose() => Host.Dispose();
}

/// <summary>
/// Large groups over HTTP: the 204 answer of a group PATCH, the member limit on reads and lists, member paging, the
/// members filter, 1,000 members in one PATCH, unknown ids named, user deletion leaving every group, and tenancy.
/// </summary>
public sealed class LargeGroupHttpTests(SmallMemberLimitHost fixture) : IClassFixture<SmallMemberLimitHost>
{
    private const string MemberPage = "urn:autorfp:params:scim:api:messages:2.0:MemberPage";

    internal static async Task<List<string>> UsersAsync(ScimSession session, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await session.Scim.CreateUserAsync($"user{i}@example.com"));
        }

        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    private static Task<HttpResponseMessage> PatchAsync(ScimSession session, string path, params string[] operations) =>
        session.Scim.PatchJsonAsync("scim/v2/" + path, ScimHttp.PatchBody(operations));

    /// <summary>A group larger than one response shows: created empty, then filled by a PATCH (which answers 204, without members).</summary>
    internal static async Task<string> LargeGroupAsync(ScimSession session, string displayName, IEnumerable<string> members)
    {
        var group = await session.Scim.CreateGroupAsync(displayName);
        using var filled = await PatchAsync(session, $"Groups/{group}", Add([.. members]));
        filled.StatusCode.Should().Be(HttpStatusCode.NoContent, await filled.DescribeAsync());
        return group;
    }

    internal static string Add(params string[] ids) =>
        $$"""{"op":"add","path":"members","value":[{{string.Join(",", ids.Select(id => $$"""{"value":"{{id}}"}"""))}}]}""";

    private static void PageShouldBe(JsonObject group, string expected) =>
        JsonNode.DeepEquals(group[MemberPage], JsonNode.Parse(expected)).Should().BeTrue($"expected {expected}, found {group[MemberPage]?.ToJsonString() ?? "no paging object"}");

    private static List<string> MemberIds(JsonObject group) => group["members"]!.AsArray().Select(m => (string)m!["value"]!).ToList();

    [Fact]
    public async Task A_group_patch_answers_204_with_the_etag_unless_it_names_a_projection()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "lg204");
        var (alice, bob) = (await session.Scim.CreateUserAsync("alice@example.com"), await session.Scim.CreateUserAsync("bob@example.com"));
        var group = await session.Scim.CreateGroupAsync("Engineering");

        using (var plain = await PatchAsync(session, $"Groups/{group}", Add(alice)))
        {
            plain.StatusCode.Should().Be(HttpStatusCode.NoContent, await plain.DescribeAsync());
            plain.Headers.ETag!.ToString().Should().Be("W/\"2\"");
            (await plain.Content.ReadAsStringAsync()).Should().BeEmpty();
        }

        using (var projected = await session.Scim.PatchJsonAsync($"scim/v2/Groups/{group}?excludedAttributes=members", ScimHttp.PatchBody(Add(bob))))
        {
            var body = await projected.ReadJsonObjectAsync();
            projected.StatusCode.Should().Be(HttpStatusCode.OK);
            projected.Headers.ETag!.ToString().Should().Be("W/\"3\"");
            body.ContainsKey("members").Should().BeFalse();
            ((string)body["displayName"]!).Should().Be("Engineering");
        }

        using (var withMembers = await session.Scim.PatchJsonAsync(
            $"scim/v2/Groups/{group}?attributes=members", ScimHttp.PatchBody("""{"op":"replace","path":"displayName","value":"Eng"}""")))
        {
            withMembers.StatusCode.Should().Be(HttpStatusCode.OK);
            MemberIds(await withMembers.ReadJsonObjectAsync()).Should().BeEquivalentTo([alice, bob]);
        }

        using var user = await PatchAsync(session, $"Users/{alice}", """{"op":"replace","path":"title","value":"Dr"}""");
        user.StatusCode.Should().Be(HttpStatusCode.OK, "a user's PATCH keeps answering with the user");
        ((string)(await user.ReadJsonObjectAsync())["title"]!).Should().Be("Dr");
    }

    [Fact]
    public async Task A_group_over_the_limit_is_400_tooMany_and_readable_the_three_other_ways()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "lgmax");
        var users = await UsersAsync(session, SmallMemberLimitHost.Limit + 2);
        var big = await LargeGroupAsync(session, "Big", users);
        await session.Scim.CreateGroupAsync("Small", users[0]);

        using (var whole = await session.Scim.GetAsync($"scim/v2/Groups/{big}"))
        {
            var error = await whole.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "tooMany");
            ((string)error["detail"]!).Should().Contain("excludedAttributes=members").And.Contain("membersStartIndex").And.Contain($"groups.value eq \"{big}\"");
        }

        using (var list = await session.Scim.GetAsync("scim/v2/Groups"))
        {
            await list.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "tooMany");
        }

        using (var asking = await session.Scim.PatchJsonAsync($"scim/v2/Groups/{big}?attributes=members", ScimHttp.PatchBody("""{"op":"replace","path":"displayName","value":"Renamed"}""")))
        {
            await asking.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "tooMany");
        }

        var excluded = await session.Scim.GetResourceAsync($"scim/v2/Groups/{big}?excludedAttributes=members");
        excluded.ContainsKey("members").Should().BeFalse();
        ((string)excluded["displayName"]!).Should().Be("Big", "the refused PATCH changed nothing");
        using (var listed = await session.Scim.GetAsync("scim/v2/Groups?excludedAttributes=members"))
        {
            (await listed.ShouldBeListResponseAsync()).TotalResults().Should().Be(2);
        }

        var first = await session.Scim.GetResourceAsync($"scim/v2/Groups/{big}?membersStartIndex=1&membersCount=3");
        var rest = await session.Scim.GetResourceAsync($"scim/v2/Groups/{big}?membersStartIndex=4&membersCount=100");
        MemberIds(first).Should().Equal(users.Take(3));
        PageShouldBe(first, """{"startIndex":1,"itemsPerPage":3,"totalResults":7}""");
        first["schemas"]!.AsArray().Select(u => (string)u!).Should().Equal("urn:ietf:params:scim:schemas:core:2.0:Group", MemberPage);
        MemberIds(rest).Should().Equal(users.Skip(3).Take(SmallMemberLimitHost.Limit), "membersCount is lowered to the limit");
        PageShouldBe(rest, """{"startIndex":4,"itemsPerPage":4,"totalResults":7}""");

        using var viaFilter = await session.Scim.GetAsync($"scim/v2/Users?filter=groups.value eq \"{big}\"&attributes=id");
        (await viaFilter.ShouldBeListResponseAsync()).Resources().Select(u => (string)u["id"]!).Should().BeEquivalentTo(users);
    }

    [Fact]
    public async Task A_thousand_members_in_one_patch_apply_at_once_and_unknown_ids_are_named_with_nothing_written()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "lg1000");
        var service = fixture.Host.Services.GetRequiredService<ScimResourceService>();
        var context = new ScimCallContext(new Tenant(session.Organization.OrganizationId, DeploymentEnvironment.Production), "http://localhost/scim/v2");
        var users = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            var body = JsonNode.Parse($$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bulk{{i}}@example.com"}""")!.AsObject();
            users.Add((await service.CreateAsync(context, ScimResourceType.User, body, AttributeSelection.All, CancellationToken.None)).Id);
        }

        var group = await session.Scim.CreateGroupAsync("Everyone");
        var unknown = Enumerable.Range(0, 22).Select(i => $"no-such-user-{i:00}").ToArray();

        using (var refused = await PatchAsync(session, $"Groups/{group}", Add([.. users, .. unknown])))
        {
            var error = await refused.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
            ((string)error["detail"]!).Should().Contain("'no-such-user-00'").And.Contain("'no-such-user-19'").And.Contain("and 2 more (22 in all)");
        }

        var untouched = await session.Scim.GetResourceAsync($"scim/v2/Groups/{group}?membersCount=0");
        untouched[MemberPage]!["totalResults"]!.GetValue<int>().Should().Be(0);
        ((string)untouched["meta"]!["version"]!).Should().Be("W/\"1\"");

        using (var added = await PatchAsync(session, $"Groups/{group}", Add([.. users, users[0]])))
        {
            added.StatusCode.Should().Be(HttpStatusCode.NoContent, await added.DescribeAsync());
        }

        using (var again = await PatchAsync(session, $"Groups/{group}", Add(users[1], users[2])))
        {
            again.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        var counted = await session.Scim.GetResourceAsync($"scim/v2/Groups/{group}?membersStartIndex=1&membersCount=0");
        counted[MemberPage]!["totalResults"]!.GetValue<int>().Should().Be(1000, "duplicates are ignored, not doubled");
        ((string)counted["meta"]!["version"]!).Should().Be("W/\"2\"", "re-adding present members changes nothing, so not the version");
    }

    [Fact]
    public async Task Deleting_a_user_removes_it_from_every_group_read_and_filter()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "lgdel");
        var (alice, bob) = (await session.Scim.CreateUserAsync("alice@example.com"), await session.Scim.CreateUserAsync("bob@example.com"));
        var one = await session.Scim.CreateGroupAsync("One", alice, bob);
        var two = await session.Scim.CreateGroupAsync("Two", alice);

        using (var deleted = await session.Scim.DeleteAsync($"scim/v2/Users/{alice}"))
        {
            deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        (await session.Scim.MemberIdsAsync(one)).Should().Equal(bob);
        (await session.Scim.MemberIdsAsync(two)).Should().BeEmpty();
        var paged = await session.Scim.GetResourceAsync($"scim/v2/Groups/{one}?membersStartIndex=1&membersCount=10");
        MemberIds(paged).Should().Equal(bob);
        paged[MemberPage]!["totalResults"]!.GetValue<int>().Should().Be(1);
        using (var byMember = await session.Scim.GetAsync($"scim/v2/Groups?filter=members.value eq \"{alice}\"&excludedAttributes=members"))
        {
            (await byMember.ShouldBeListResponseAsync()).TotalResults().Should().Be(0);
        }

        using var inOne = await session.Scim.GetAsync($"scim/v2/Users?filter=groups.value eq \"{one}\"&attributes=id");
        (await inOne.ShouldBeListResponseAsync()).Resources().Select(u => (string)u["id"]!).Should().Equal(bob);
    }

    [Fact]
    public async Task Member_paging_and_membership_edits_never_cross_tenants()
    {
        using var a = await ScimSession.StartAsync(fixture.Host, "lgta");
        using var b = await ScimSession.StartAsync(fixture.Host, "lgtb");
        using var aSandbox = await ScimSession.StartAsync(fixture.Host, "lgts", "sandbox");
        var stranger = await b.Scim.CreateUserAsync("stranger@example.com");
        var bGroup = await b.Scim.CreateGroupAsync("B team", stranger);
        var sandboxUser = await aSandbox.Scim.CreateUserAsync("sandbox@example.com");
        var aUser = await a.Scim.CreateUserAsync("own@example.com");
        var aGroup = await a.Scim.CreateGroupAsync("A team");

        using (var paging = await a.Scim.GetAsync($"scim/v2/Groups/{bGroup}?membersStartIndex=1&membersCount=10"))
        {
            await paging.ShouldBeScimErrorAsync(HttpStatusCode.NotFound);
        }

        using (var foreignGroup = await PatchAsync(a, $"Groups/{bGroup}", Add(aUser)))
        {
            await foreignGroup.ShouldBeScimErrorAsync(HttpStatusCode.NotFound);
        }

        foreach (var foreign in new[] { stranger, sandboxUser })
        {
            using var refused = await PatchAsync(a, $"Groups/{aGroup}", Add(aUser, foreign));
            var error = await refused.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
            ((string)error["detail"]!).Should().Contain(foreign).And.NotContain(aUser);
        }

        (await a.Scim.MemberIdsAsync(aGroup)).Should().BeEmpty();
        (await b.Scim.MemberIdsAsync(bGroup)).Should().Equal(stranger);
    }
}
