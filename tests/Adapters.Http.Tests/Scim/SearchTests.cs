using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.Adapters.Http.Tests.Scim;

/// <summary>
/// RFC 7644 §3.4.3 <c>POST /Users/.search</c>, <c>/Groups/.search</c> and <c>/.search</c> through the real pipeline:
/// the same answers as GET, the root's order and paging, every malformed request a SCIM error, the provisioning log.
/// </summary>
public sealed class SearchTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private static string Body(string members = "") => ScimHttp.SearchRequestBody(members);

    /// <summary>Alice, Bob and Carol (Carol with externalId), then Engineering (Alice, Bob) and Sales (none).</summary>
    private static async Task<(string Alice, string Bob, string Carol, string Engineering, string Sales)> SeedAsync(HttpClient scim)
    {
        var alice = await scim.CreateUserAsync("alice@example.com");
        var bob = await scim.CreateUserAsync("bob@example.com");
        var carol = await scim.CreateUserAsync("carol@example.com", externalId: "ext-carol");
        var engineering = await scim.CreateGroupAsync("Engineering", alice, bob);
        var sales = await scim.CreateGroupAsync("Sales");
        return (alice, bob, carol, engineering, sales);
    }

    public static TheoryData<string, string, string> Equivalents => new()
    {
        { "Users", "", "" },
        { "Users", "filter=userName%20eq%20%22ALICE%40example.com%22&startIndex=1&count=100", """ "filter":"userName eq \"ALICE@example.com\"","startIndex":1,"count":100 """ },
        { "Users", "filter=emails%5Btype%20eq%20%22work%22%5D.value%20sw%20%22b%22", """ "filter":"emails[type eq \"work\"].value sw \"b\"" """ },
        { "Users", "sortBy=userName&sortOrder=descending&startIndex=2&count=2", """ "sortBy":"userName","sortOrder":"descending","startIndex":2,"count":2 """ },
        { "Users", "attributes=userName,emails&excludedAttributes=emails", """ "attributes":["userName","emails"],"excludedAttributes":["emails"] """ },
        { "Users", "attributes=userName,externalId&filter=externalId%20pr", """ "attributes":"userName,externalId","filter":"externalId pr" """ },
        { "Users", "count=0", """ "count":0 """ },
        { "Users", "startIndex=-3&count=-1", """ "startIndex":-3,"count":-1 """ },
        { "Users", "filter=groups.display%20eq%20%22engineering%22&attributes=groups", """ "filter":"groups.display eq \"engineering\"","attributes":["groups"] """ },
        { "Groups", "", "" },
        { "Groups", "excludedAttributes=members", """ "excludedAttributes":["members"] """ },
        { "Groups", "filter=displayName%20eq%20%22engineering%22", """ "FILTER":"displayName eq \"engineering\"" """ },
        { "Groups", "filter=members%5Bvalue%20pr%5D&sortBy=displayName&sortOrder=descending", """ "filter":"members[value pr]","sortBy":"displayName","sortOrder":"descending" """ },
    };

    [Theory]
    [MemberData(nameof(Equivalents))]
    public async Task A_search_answers_exactly_what_the_equivalent_GET_answers(string endpoint, string query, string members)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "seq");
        await SeedAsync(session.Scim);
        using var get = await session.Scim.GetAsync($"scim/v2/{endpoint}{(query.Length == 0 ? "" : "?" + query)}");
        var listed = await get.ShouldBeListResponseAsync();

        using var post = await session.Scim.PostJsonAsync($"scim/v2/{endpoint}/.search", Body(members.Trim()));

        var searched = await post.ShouldBeListResponseAsync();
        JsonNode.DeepEquals(searched, listed).Should().BeTrue($"POST .search {members} gave {searched.ToJsonString()}, GET ?{query} gave {listed.ToJsonString()}");
        listed.TotalResults().Should().BeGreaterThan(0, "the comparison must be about something");
    }

    [Fact]
    public async Task The_root_search_lists_users_then_groups_each_rendered_as_its_own_type()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "sroot");
        var (alice, bob, carol, engineering, sales) = await SeedAsync(session.Scim);
        var admin = session.Connection.ImpersonatedUserId;

        using var response = await session.Scim.PostJsonAsync("scim/v2/.search", Body());

        var page = await response.ShouldBeListResponseAsync();
        page.Resources().Select(r => (string)r["id"]!).Should().Equal(admin, alice, bob, carol, engineering, sales);
        page.TotalResults().Should().Be(6);
        foreach (var resource in page.Resources())
        {
            var (type, endpoint) = resource["userName"] is null ? ("Group", "Groups") : ("User", "Users");
            ((string)resource["meta"]!["resourceType"]!).Should().Be(type);
            ((string)resource["meta"]!["location"]!).Should().EndWith($"/scim/v2/{endpoint}/{resource["id"]}");
            JsonNode.DeepEquals(resource, await session.Scim.GetResourceAsync($"scim/v2/{endpoint}/{resource["id"]}")).Should()
                .BeTrue("each resource is what its own GET returns: {0}", resource.ToJsonString());
        }
    }

    [Fact]
    public async Task The_root_search_equals_the_users_list_followed_by_the_groups_list()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "sconcat");
        await SeedAsync(session.Scim);
        const string filter = "displayName pr or externalId pr";
        var users = await (await session.Scim.GetAsync("scim/v2/Users?filter=" + Uri.EscapeDataString(filter))).ShouldBeListResponseAsync();
        var groups = await (await session.Scim.GetAsync("scim/v2/Groups?filter=" + Uri.EscapeDataString(filter))).ShouldBeListResponseAsync();

        using var response = await session.Scim.PostJsonAsync("scim/v2/.search", Body($"\"filter\":{JsonValue.Create(filter).ToJsonString()}"));

        var page = await response.ShouldBeListResponseAsync();
        page.TotalResults().Should().Be(users.TotalResults() + groups.TotalResults());
        JsonNode.DeepEquals(new JsonArray([.. users.Resources().Concat(groups.Resources()).Select(r => r.DeepClone())]), page["Resources"]).Should().BeTrue();
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(4, 2)]
    [InlineData(5, 1)]
    [InlineData(1, 6)]
    public async Task Root_paging_spans_the_boundary_and_covers_everything_once(int startIndex, int count)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "spage");
        await SeedAsync(session.Scim);
        var all = (await (await session.Scim.PostJsonAsync("scim/v2/.search", Body())).ShouldBeListResponseAsync()).Resources().Select(r => (string)r["id"]!).ToList();

        using var response = await session.Scim.PostJsonAsync("scim/v2/.search", Body($"\"startIndex\":{startIndex},\"count\":{count},\"attributes\":[\"id\"]"));

        var page = await response.ShouldBeListResponseAsync();
        page.Resources().Select(r => (string)r["id"]!).Should().Equal(all.Skip(startIndex - 1).Take(count));
        ((int)page["startIndex"]!).Should().Be(startIndex);
        page.TotalResults().Should().Be(6);
    }

    [Theory]
    [InlineData("userName sw \"al\"", "alice@example.com")]
    [InlineData("not (userName pr)", "Engineering,Sales")]
    [InlineData("members.value pr", "Engineering")]
    [InlineData("groups.display eq \"Engineering\" or displayName eq \"Sales\"", "alice@example.com,bob@example.com,Sales")]
    public async Task A_root_filter_may_name_attributes_only_one_type_has(string filter, string expected)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "sfilter");
        await SeedAsync(session.Scim);

        using var response = await session.Scim.PostJsonAsync("scim/v2/.search", Body($"\"filter\":{JsonValue.Create(filter).ToJsonString()}"));

        var page = await response.ShouldBeListResponseAsync();
        string.Join(",", page.Resources().Select(r => (string)(r["userName"] ?? r["displayName"])!)).Should().Be(expected);
    }

    public static TheoryData<string, string, int, string> Refusals()
    {
        var data = new TheoryData<string, string, int, string>();
        foreach (var path in new[] { "Users/.search", "Groups/.search", ".search" })
        {
            data.Add(path, "{\"schemas\":[\"" + ScimHttp.SearchRequestSchema + "\"],\"filter\":", 400, "invalidSyntax");
            data.Add(path, "[\"" + ScimHttp.SearchRequestSchema + "\"]", 400, "invalidSyntax");
            data.Add(path, "{\"filter\":\"userName pr\"}", 400, "invalidSyntax");
            data.Add(path, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]}", 400, "invalidSyntax");
            data.Add(path, Body("\"filtr\":\"userName pr\""), 400, "invalidSyntax");
            data.Add(path, Body("\"count\":\"10\""), 400, "invalidValue");
            data.Add(path, Body("\"startIndex\":1.5"), 400, "invalidValue");
            data.Add(path, Body("\"attributes\":{\"userName\":true}"), 400, "invalidValue");
            data.Add(path, Body("\"filter\":[\"userName pr\"]"), 400, "invalidValue");
            data.Add(path, Body("\"filter\":\"userName zz \\\"x\\\"\""), 400, "invalidFilter");
            data.Add(path, Body("\"filter\":\"shoeSize eq 1\""), 400, "invalidFilter");
            data.Add(path, Body("\"sortBy\":\"shoeSize\""), 400, "invalidValue");
            data.Add(path, Body("\"sortBy\":\"displayName\",\"sortOrder\":\"up\""), 400, "invalidValue");
            data.Add(path, Body("\"sortOrder\":\"sideways\""), 400, "invalidValue");
            data.Add(path, Body("\"cursor\":\"garbage\""), 400, "invalidCursor");
            data.Add(path, Body("\"cursor\":\"\",\"startIndex\":1"), 400, "invalidValue");
            data.Add(path, Body("\"cursor\":\"\",\"count\":0"), 400, "invalidCount");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Every_malformed_search_is_a_SCIM_400_and_changes_nothing(string path, string body, int status, string scimType)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "sbad");
        await SeedAsync(session.Scim);
        var before = await session.Scim.SnapshotAsync();

        using var response = await session.Scim.PostJsonAsync("scim/v2/" + path, body);

        await response.ShouldBeScimErrorAsync((HttpStatusCode)status, scimType);
        (await session.Scim.SnapshotAsync()).Should().Be(before);
    }

    public static TheoryData<string, string> OddSearches()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in new[] { "Users/.search", ".search" })
        {
            data.Add(path, Body($"\"startIndex\":{int.MaxValue},\"count\":{int.MaxValue}"));
            data.Add(path, Body($"\"startIndex\":{int.MinValue},\"count\":{int.MinValue}"));
            data.Add(path, Body($"\"filter\":{JsonValue.Create(new string('(', 2000) + "userName pr" + new string(')', 2000)).ToJsonString()}"));
            data.Add(path, Body($"\"filter\":{JsonValue.Create("userName eq \"" + new string('x', 50_000) + "\"").ToJsonString()}"));
            data.Add(path, Body("\"filter\":\"userName eq \\\"\\u0000\\\"\",\"attributes\":[\"\",\" \",\"urn:x\"],\"excludedAttributes\":\"nonsense,,\""));
            data.Add(path, Body("\"sortBy\":\"emails[type eq \\\"work\\\"]\""));
            data.Add(path, Body($"\"cursor\":\"{new string('A', 6000)}\",\"count\":{int.MaxValue}"));
            data.Add(path, Body($"\"cursor\":\"\",\"count\":{int.MaxValue},\"sortBy\":\"meta.lastModified\""));
            data.Add(path, "\uFEFF" + Body());
            data.Add(path, Body("\"filter\":\"userName pr\",\"filter\":\"userName pr\""));
            data.Add(path, "{\"schemas\":[\"" + ScimHttp.SearchRequestSchema + "\"]," + new string('[', 5000) + new string(']', 5000) + "}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OddSearches))]
    public async Task An_odd_search_never_gets_a_server_error(string path, string body)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "sodd");
        await SeedAsync(session.Scim);

        using var response = await session.Scim.PostJsonAsync("scim/v2/" + path, body);

        ((int)response.StatusCode).Should().BeLessThan(500, await response.DescribeAsync());
        if ((int)response.StatusCode >= 400)
        {
            await response.ShouldBeScimErrorAsync(response.StatusCode);
        }
    }

    [Theory]
    [InlineData("Users/.search", "text/plain")]
    [InlineData("Groups/.search", "application/x-www-form-urlencoded")]
    [InlineData(".search", "application/xml")]
    [InlineData(".search", null)]
    public async Task A_body_that_is_not_JSON_is_415(string path, string? contentType)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "s415");
        var request = new HttpRequestMessage(HttpMethod.Post, "scim/v2/" + path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body())) };
        request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);

        using var response = await session.Scim.SendAsync(request);

        var error = await response.ShouldBeScimErrorAsync(HttpStatusCode.UnsupportedMediaType, "invalidSyntax");
        ((string)error["detail"]!).Should().Contain("application/scim+json or application/json");
    }

    [Theory]
    [InlineData("Users/.search", "application/json")]
    [InlineData("Groups/.search", "application/scim+json; charset=utf-8")]
    [InlineData(".search", "application/json; charset=utf-8")]
    public async Task Both_json_media_types_are_accepted(string path, string contentType)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "smedia");

        using var response = await session.Scim.PostJsonAsync("scim/v2/" + path, Body(), contentType);

        (await response.ShouldBeListResponseAsync()).TotalResults().Should().BeGreaterThanOrEqualTo(0);
    }

    [Theory]
    [InlineData("Users/.search")]
    [InlineData(".search")]
    public async Task A_ten_megabyte_search_is_413(string path)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "shuge");
        var request = new HttpRequestMessage(HttpMethod.Post, "scim/v2/" + path)
        {
            Content = new StringContent(Body($"\"filter\":\"userName eq \\\"{new string('x', 10 * 1024 * 1024)}\\\"\""), Encoding.UTF8, JsonHttp.ScimJson),
        };
        request.Headers.ExpectContinue = true; // read the early refusal rather than fail mid-upload

        using var response = await session.Scim.SendAsync(request);

        await response.ShouldBeScimErrorAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("Users/.search")]
    [InlineData("Groups/.search")]
    [InlineData(".search")]
    public async Task A_search_without_credentials_is_401(string path)
    {
        using var anonymous = fixture.Host.CreateHttpClient();

        using var response = await anonymous.PostJsonAsync("scim/v2/" + path, Body());

        await response.ShouldBeScimErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Searches_are_logged_as_queries_of_their_type_without_a_resource_id()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "slog");
        (await session.Scim.PostJsonAsync("scim/v2/Users/.search", Body())).Dispose();
        (await session.Scim.PostJsonAsync("scim/v2/Groups/.search", Body("\"filter\":\"nonsense\""))).Dispose();
        (await session.Scim.PostJsonAsync("scim/v2/.search", Body())).Dispose();
        using var admin = fixture.Host.CreateAdminHttpClient(session.Organization);

        using var response = await admin.GetAsync($"api/v1/provisioning-events?clientId={session.Connection.ClientId}&count=200");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var events = (await response.ReadJsonObjectAsync())["events"]!.AsArray().Select(e => e!.AsObject()).ToList();
        var searches = events.Where(e => ((string)e["operation"]!).EndsWith(".search", StringComparison.Ordinal))
            .Select(e => $"{e["operation"]} {e["resourceType"]} {e["resourceId"]} {e["status"]}").ToList();
        searches.Should().BeEquivalentTo(["POST /Users/.search User  200", "POST /Groups/.search Group  400", "POST /.search   200"]);
        ((string?)events.Single(e => (int)e["status"]! == 400)["errorDetail"]).Should().Contain("nonsense");
    }
}
