using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;
using static AutoRfpHex.Adapters.Http.Tests.Scim.Bulk.BulkRequests;

namespace AutoRfpHex.Adapters.Http.Tests.Scim.Bulk;

/// <summary>
/// RFC 7644 §3.7 <c>POST /scim/v2/Bulk</c> through the real pipeline: bulkId references, per-operation statuses,
/// failOnErrors, whole-request refusals, tenancy, authentication, media types and the provisioning log.
/// </summary>
public sealed class BulkTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    [Fact]
    public async Task Users_and_a_group_whose_members_name_them_by_bulkId_are_created_in_one_request()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "bulkrfc");

        using var response = await session.Scim.PostBulkAsync(Body(
            PostUser("alice", "alice@example.com"),
            PostUser("bob", "bob@example.com"),
            PostGroup("eng", "Engineering", "bulkId:alice", "bulkId:bob")));

        var operations = await response.ShouldBeBulkResponseAsync();
        operations.Summary().Should().Equal("POST alice 201", "POST bob 201", "POST eng 201");
        foreach (var operation in operations)
        {
            ((string)operation["version"]!).Should().Be("W/\"1\"");
            operation.ContainsKey("response").Should().BeFalse();
        }

        var (alice, bob, engineering) = (operations[0].IdOf(), operations[1].IdOf(), operations[2].IdOf());
        ((string)operations[0]["location"]!).Should().Be(new Uri(fixture.Host.BaseAddress, $"scim/v2/Users/{alice}").ToString());
        (await session.Scim.MemberIdsAsync(engineering)).Should().BeEquivalentTo([alice, bob]);
        var group = await session.Scim.GetResourceAsync($"scim/v2/Groups/{engineering}");
        ((string)group["meta"]!["location"]!).Should().Be((string)operations[2]["location"]!);
    }

    [Fact]
    public async Task Mixed_outcomes_each_report_their_own_status_and_only_the_failures_change_nothing()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "bulkmix");
        var carol = await session.Scim.CreateUserAsync("carol@example.com");

        using var response = await session.Scim.PostBulkAsync(Body(
            PostUser("dup", "CAROL@example.com"),
            PostGroup("eng", "Engineering", "bulkId:dup"),
            PatchTitle($"/Users/{carol}", "Stale", version: "W/\"9\""),
            PatchTitle($"/Users/{carol}", "Lead", version: "W/\"1\""),
            Operation("DELETE", "/Groups/00000000000000000000000000000000"),
            Operation("FETCH", $"/Users/{carol}"),
            PostUser("dave", "dave@example.com")));

        var operations = await response.ShouldBeBulkResponseAsync();
        operations.Summary().Should().Equal("POST dup 409", "POST eng 409", "PATCH - 412", "PATCH - 200", "DELETE - 404", "FETCH - 400", "POST dave 201");
        ((string)operations[0]["response"]!["scimType"]!).Should().Be("uniqueness");
        ((string)operations[1]["response"]!["scimType"]!).Should().Be("invalidValue");
        ((string)operations[1]["response"]!["detail"]!).Should().Contain("'dup'");
        foreach (var failed in operations.Where(o => (string)o["status"]! is not ("200" or "201")))
        {
            var error = failed["response"]!.AsObject();
            error["schemas"]!.AsArray().Select(s => (string?)s).Should().Equal(ScimHttp.ErrorSchema);
            ((string)error["status"]!).Should().Be((string)failed["status"]!);
        }

        operations[0].ContainsKey("location").Should().BeFalse("a POST that failed has no resource");
        ((string)operations[2]["location"]!).Should().EndWith($"/scim/v2/Users/{carol}");
        ((string)operations[3]["version"]!).Should().Be("W/\"2\"");
        var user = await session.Scim.GetResourceAsync($"scim/v2/Users/{carol}");
        ((string)user["title"]!).Should().Be("Lead");
        using var groups = await session.Scim.GetAsync("scim/v2/Groups");
        (await groups.ShouldBeListResponseAsync()).TotalResults().Should().Be(0);
    }

    [Fact]
    public async Task FailOnErrors_one_stops_at_the_first_error_and_reports_nothing_after_it()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "bulkstop");
        var before = await session.Scim.SnapshotAsync();

        using var response = await session.Scim.PostBulkAsync(Body(1,
            PostUser("bad", "  "),
            PostUser("never", "never@example.com")));

        var operations = await response.ShouldBeBulkResponseAsync();
        operations.Summary().Should().Equal("POST bad 400");
        (await session.Scim.SnapshotAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_path_can_name_a_resource_created_in_the_same_request()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "bulkpath");

        using var response = await session.Scim.PostBulkAsync(Body(
            PatchTitle("/Users/bulkId:alice", "Lead"),
            PostUser("alice", "alice@example.com"),
            Operation("DELETE", "/Users/bulkId:alice", version: "W/\"2\"")));

        var operations = await response.ShouldBeBulkResponseAsync();
        operations.Summary().Should().Equal("PATCH - 200", "POST alice 201", "DELETE - 204");
        ((string)operations[0]["location"]!).Should().Be((string)operations[1]["location"]!);
        using var gone = await session.Scim.GetAsync($"scim/v2/Users/{operations[1].IdOf()}");
        await gone.ShouldBeScimErrorAsync(HttpStatusCode.NotFound);
    }

    public static TheoryData<string, string> MalformedRequests => new()
    {
        { """{"Operations":[]}""", "invalidSyntax" },
        { """{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":"POST /Users"}""", "invalidSyntax" },
        { """{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[1]}""", "invalidSyntax" },
        { """{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"failOnErrors":-1,"Operations":[]}""", "invalidValue" },
        {
            Body(PostUser("same", "one@example.com"), PostUser("same", "two@example.com")), "invalidValue"
        },
        { """{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{"method":"DELETE","path":"/Users/1"}""", "invalidSyntax" },
        { """[{"method":"DELETE","path":"/Users/1"}]""", "invalidSyntax" },
    };

    [Theory]
    [MemberData(nameof(MalformedRequests))]
    public async Task A_malformed_bulk_request_is_400_and_writes_nothing(string body, string scimType)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "bulkbad");
        var before = await session.Scim.SnapshotAsync();

        using var response = await session.Scim.PostBulkAsync(body);

        await response.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, scimType);
        (await session.Scim.SnapshotAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Another_organizations_resources_cannot_be_changed_or_made_members()
    {
        using var theirs = await ScimSession.StartAsync(fixture.Host, "bulktheirs");
        using var mine = await ScimSession.StartAsync(fixture.Host, "bulkmine");
        var theirUser = await theirs.Scim.CreateUserAsync("theirs@example.com");
        var theirGroup = await theirs.Scim.CreateGroupAsync("Theirs", theirUser);
        var theirsBefore = await theirs.Scim.SnapshotAsync();

        using var response = await mine.Scim.PostBulkAsync(Body(
            PatchTitle($"/Users/{theirUser}", "Mine"),
            Operation("DELETE", $"/Users/{theirUser}"),
            Operation("PUT", $"/Groups/{theirGroup}", data: new JsonObject { ["schemas"] = new JsonArray(ScimHttp.GroupSchema), ["displayName"] = "Mine" }),
            PostGroup("grab", "Grab", theirUser),
            PostGroup("nest", "Nest", theirGroup)));

        var operations = await response.ShouldBeBulkResponseAsync();
        operations.Summary().Should().Equal("PATCH - 404", "DELETE - 404", "PUT - 404", "POST grab 400", "POST nest 400");
        ((string)operations[3]["response"]!["scimType"]!).Should().Be("invalidValue");
        ((string)operations[4]["response"]!["scimType"]!).Should().Be("invalidValue");
        (await theirs.Scim.SnapshotAsync()).Should().Be(theirsBefore);
        using var myGroups = await mine.Scim.GetAsync("scim/v2/Groups");
        (await myGroups.ShouldBeListResponseAsync()).TotalResults().Should().Be(0);
    }

    [Fact]
    public async Task A_sandbox_client_cannot_reach_production_resources_through_bulk()
    {
        using var production = await ScimSession.StartAsync(fixture.Host, "bulkenv");
        var user = await production.Scim.CreateUserAsync("prod@example.com");
        var connection = await fixture.Host.ConnectAsync(production.Organization, "sandbox");
        using var sandbox = await fixture.Host.CreateScimHttpClientAsync(connection, ScimAuthMode.AccessToken);

        using var response = await sandbox.PostBulkAsync(Body(Operation("DELETE", $"/Users/{user}"), PostGroup("g", "G", user)));

        (await response.ShouldBeBulkResponseAsync()).Summary().Should().Equal("DELETE - 404", "POST g 400");
        (await production.Scim.GetResourceAsync($"scim/v2/Users/{user}"))["id"].Should().NotBeNull();
    }

    [Fact]
    public async Task Bulk_without_credentials_is_401_like_every_SCIM_call()
    {
        using var anonymous = fixture.Host.CreateHttpClient();

        using var response = await anonymous.PostBulkAsync(Body(PostUser("a", "a@example.com")));

        await response.ShouldBeScimErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("application/scim+json")]
    [InlineData("application/json")]
    [InlineData("application/scim+json; charset=utf-8")]
    public async Task Both_json_media_types_are_accepted(string contentType)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "bulkmedia");

        using var response = await session.Scim.PostBulkAsync(Body(PostUser("a", "a@example.com")), contentType);

        (await response.ShouldBeBulkResponseAsync()).Summary().Should().Equal("POST a 201");
    }

    [Fact]
    public async Task Another_media_type_is_415()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "bulk415");

        using var response = await session.Scim.PostBulkAsync(Body(PostUser("a", "a@example.com")), "text/plain");

        await response.ShouldBeScimErrorAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Each_operation_gets_its_own_provisioning_log_entry_besides_the_bulk_call()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "bulklog");
        using (var response = await session.Scim.PostBulkAsync(Body(
            PostUser("alice", "alice@example.com"),
            PostUser("again", "ALICE@example.com"),
            Operation("DELETE", "/Groups/bulkId:nothing"))))
        {
            (await response.ShouldBeBulkResponseAsync()).Should().HaveCount(3);
        }

        using var admin = fixture.Host.CreateAdminHttpClient(session.Organization);
        using var log = await admin.GetAsync($"api/v1/provisioning-events?clientId={session.Connection.ClientId}&count=200");

        await log.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var events = (await log.ReadJsonObjectAsync())["events"]!.AsArray().Select(e => e!.AsObject())
            .Where(e => ((string)e["operation"]!).Contains("Bulk", StringComparison.Ordinal))
            .Select(e => $"{e["operation"]} {e["resourceType"]} {e["status"]} {e["outcome"]}")
            .ToList();
        events.Should().BeEquivalentTo(
            "POST /Bulk  200 success",
            "Bulk POST /Users User 201 success",
            "Bulk POST /Users User 409 failure",
            "Bulk DELETE /Groups/{id} Group 409 failure");
    }
}
