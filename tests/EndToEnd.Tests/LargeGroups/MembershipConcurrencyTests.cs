using System.Net;
using System.Text.Json.Nodes;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.EndToEnd.Tests.LargeGroups;

/// <summary>
/// Concurrent PATCHes through the whole HTTP pipeline (authentication, the service, SQLite, the provisioning log):
/// hundreds of single-member edits of one group, add/remove pairs (BR-13), and edits of different attributes of one
/// user all apply, and nothing is lost or doubled.
/// </summary>
public sealed class MembershipConcurrencyTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private static Task<HttpResponseMessage> PatchAsync(ScimSession session, string path, params string[] operations) =>
        session.Scim.PatchJsonAsync("scim/v2/" + path, ScimHttp.PatchBody(operations));

    private static async Task<List<string>> UsersAsync(ScimSession session, string prefix, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await session.Scim.CreateUserAsync($"{prefix}{i}@example.com"));
        }

        return ids;
    }

    /// <summary>All requests at once; every one must answer 204 (a group PATCH without projection).</summary>
    private static async Task AllNoContentAsync(IEnumerable<Func<Task<HttpResponseMessage>>> requests)
    {
        var responses = await Task.WhenAll(requests.Select(request => Task.Run(request)));
        foreach (var response in responses)
        {
            using (response)
            {
                response.StatusCode.Should().Be(HttpStatusCode.NoContent, await response.DescribeAsync());
            }
        }
    }

    /// <summary>The members as member paging reads them, page by page, and the count the paging object reports.</summary>
    private static async Task<(List<string> Ids, int Total)> PagedMembersAsync(ScimSession session, string groupId)
    {
        var ids = new List<string>();
        int total;
        var start = 1;
        do
        {
            var group = await session.Scim.GetResourceAsync($"scim/v2/Groups/{groupId}?membersStartIndex={start}&membersCount=75");
            var page = group["members"]!.AsArray().Select(m => (string)m!["value"]!).ToList();
            ids.AddRange(page);
            total = (int)group[MemberPage]!["totalResults"]!;
            start += page.Count;
            if (page.Count == 0)
            {
                break;
            }
        }
        while (start <= total);

        return (ids, total);
    }

    private const string MemberPage = "urn:autorfp:params:scim:api:messages:2.0:MemberPage";

    [Fact]
    public async Task Two_hundred_parallel_single_member_adds_then_removes_end_with_exactly_the_expected_members()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "par200");
        var users = await UsersAsync(session, "member", 200);
        var group = await session.Scim.CreateGroupAsync("Everyone");

        await AllNoContentAsync(users.Select(id => (Func<Task<HttpResponseMessage>>)(() =>
            PatchAsync(session, $"Groups/{group}", $$"""{"op":"add","path":"members","value":[{"value":"{{id}}"}]}"""))));

        var (added, total) = await PagedMembersAsync(session, group);
        added.Should().BeEquivalentTo(users).And.OnlyHaveUniqueItems();
        total.Should().Be(200);
        added.Should().BeInAscendingOrder(StringComparer.Ordinal, "member pages come in member id order");

        var removed = users.Take(150).ToList();
        await AllNoContentAsync(removed.Select(id => (Func<Task<HttpResponseMessage>>)(() =>
            PatchAsync(session, $"Groups/{group}", $$"""{"op":"remove","path":"members[value eq \"{{id}}\"]"}"""))));

        using var viaFilter = await session.Scim.GetAsync($"scim/v2/Users?filter=groups.value eq \"{group}\"&count=1000&attributes=id");
        (await viaFilter.ShouldBeListResponseAsync()).Resources().Select(u => (string)u["id"]!).Should().BeEquivalentTo(users.Skip(150));
        var final = await session.Scim.GetResourceAsync($"scim/v2/Groups/{group}?excludedAttributes=members");
        ((string)final["meta"]!["version"]!).Should().Be($"W/\"{1 + 200 + 150}\"", "every edit raised the version once");
    }

    [Fact]
    public async Task BR13_concurrent_add_of_carol_and_remove_of_bob_never_loses_alice()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "br13h");
        var alice = await session.Scim.CreateUserAsync("alice@example.com");
        var bob = await session.Scim.CreateUserAsync("bob@example.com");
        var carol = await session.Scim.CreateUserAsync("carol@example.com");

        for (var round = 0; round < 50; round++)
        {
            var group = await session.Scim.CreateGroupAsync($"Engineering {round}", alice, bob);

            await AllNoContentAsync(
            [
                () => PatchAsync(session, $"Groups/{group}", $$"""{"op":"add","path":"members","value":[{"value":"{{carol}}"}]}"""),
                () => PatchAsync(session, $"Groups/{group}", $$"""{"op":"remove","path":"members[value eq \"{{bob}}\"]"}"""),
            ]);

            (await session.Scim.MemberIdsAsync(group)).Should().BeEquivalentTo([alice, carol], $"round {round}");
        }
    }

    [Fact]
    public async Task Parallel_patches_of_different_attributes_of_one_user_all_apply()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "paruser");
        var id = await session.Scim.CreateUserAsync("busy@example.com");
        const string enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
        string[] core = ["displayName", "nickName", "title", "userType", "preferredLanguage", "locale", "timezone", "profileUrl", "name.givenName", "name.middleName"];
        string[] extension = ["employeeNumber", "costCenter", "organization", "division", "department"];
        var paths = core.Concat(extension.Select(a => $"{enterprise}:{a}")).ToList();
        var values = paths.Select((_, i) => i == 7 ? "https://example.com/busy" : $"v{i}").ToList();

        var responses = await Task.WhenAll(paths.Select((path, i) => Task.Run(() =>
            PatchAsync(session, $"Users/{id}", $$"""{"op":"replace","path":"{{path}}","value":"{{values[i]}}"}"""))).Concat(
            Enumerable.Range(0, 5).Select(i => Task.Run(() =>
                PatchAsync(session, $"Users/{id}", $$"""{"op":"add","path":"phoneNumbers","value":[{"value":"+1 555 010{{i}}","type":"work"}]}""")))));
        foreach (var response in responses)
        {
            using (response)
            {
                response.StatusCode.Should().Be(HttpStatusCode.OK, "a user's PATCH answers with the user");
            }
        }

        var user = await session.Scim.GetResourceAsync($"scim/v2/Users/{id}");
        foreach (var (path, i) in paths.Select((p, i) => (p, i)))
        {
            JsonNode? node = path.StartsWith(enterprise, StringComparison.Ordinal) ? user[enterprise]?[path[(enterprise.Length + 1)..]] : user;
            if (!path.StartsWith(enterprise, StringComparison.Ordinal))
            {
                foreach (var part in path.Split('.'))
                {
                    node = node?[part];
                }
            }

            ((string?)node).Should().Be(values[i], path);
        }

        user["phoneNumbers"]!.AsArray().Select(p => (string)p!["value"]!).Should().BeEquivalentTo(Enumerable.Range(0, 5).Select(i => $"+1 555 010{i}"));
        ((string)user["meta"]!["version"]!).Should().Be($"W/\"{1 + paths.Count + 5}\"");
    }
}
