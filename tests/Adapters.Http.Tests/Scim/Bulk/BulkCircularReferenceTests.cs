using System.Net;
using System.Text.Json.Nodes;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;
using static AutoRfpHex.Adapters.Http.Tests.Scim.Bulk.BulkRequests;

namespace AutoRfpHex.Adapters.Http.Tests.Scim.Bulk;

/// <summary>
/// RFC 7644 §3.7.1 through the real pipeline: circular bulkId references between groups (members) and users
/// (enterprise manager) are resolved; when the attempt fails, the POSTs involved fail with 409 and nothing half-made
/// remains; references a PATCH cannot add later keep the 409; another tenant is never touched.
/// </summary>
public sealed class BulkCircularReferenceTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    [Fact]
    public async Task The_RFC_example_of_two_groups_holding_each_other_ends_with_both_holding_each_other()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "bulkcycle");
        using var other = await ScimSession.StartAsync(fixture.Host, "bulkcycleother");
        var otherBefore = await other.Scim.SnapshotAsync();

        using var response = await session.Scim.PostBulkAsync(Body(
            PostUser("alice", "alice@example.com"),
            PostGroup("qwerty", "Group A", "bulkId:ytrewq", "bulkId:alice"),
            PostGroup("ytrewq", "Group B", "bulkId:qwerty"),
            PostUser("bob", "bob@example.com")));

        var operations = await response.ShouldBeBulkResponseAsync();
        operations.Summary().Should().Equal("POST alice 201", "POST qwerty 201", "POST ytrewq 201", "POST bob 201");
        var (alice, a, b) = (operations[0].IdOf(), operations[1].IdOf(), operations[2].IdOf());
        (await session.Scim.MemberIdsAsync(a)).Should().BeEquivalentTo([b, alice]);
        (await session.Scim.MemberIdsAsync(b)).Should().Equal(a);
        foreach (var (operation, id) in new[] { (operations[1], a), (operations[2], b) })
        {
            var group = await session.Scim.GetResourceAsync($"scim/v2/Groups/{id}");
            ((string)operation["version"]!).Should().Be((string)group["meta"]!["version"]!);
            ((string)operation["location"]!).Should().Be((string)group["meta"]!["location"]!);
            operation.ContainsKey("response").Should().BeFalse();
        }

        (await other.Scim.SnapshotAsync()).Should().Be(otherBefore);
    }

    [Fact]
    public async Task Two_users_managing_each_other_are_created_with_each_others_ids()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "bulkmanagers");

        using var response = await session.Scim.PostBulkAsync(Body(PostEmployee("ann", "ann@example.com", "bulkId:ben"), PostEmployee("ben", "ben@example.com", "bulkId:ann")));

        var operations = await response.ShouldBeBulkResponseAsync();
        operations.Summary().Should().Equal("POST ann 201", "POST ben 201");
        var (ann, ben) = (operations[0].IdOf(), operations[1].IdOf());
        var annStored = await session.Scim.GetResourceAsync($"scim/v2/Users/{ann}");
        var benStored = await session.Scim.GetResourceAsync($"scim/v2/Users/{ben}");
        ((string)annStored[ScimHttp.EnterpriseUserSchema]!["manager"]!["value"]!).Should().Be(ben);
        ((string)benStored[ScimHttp.EnterpriseUserSchema]!["manager"]!["value"]!).Should().Be(ann);
        ((string)operations[0]["version"]!).Should().Be((string)annStored["meta"]!["version"]!);
    }

    [Fact]
    public async Task A_three_group_cycle_is_resolved()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "bulkthree");

        using var response = await session.Scim.PostBulkAsync(Body(
            PostGroup("a", "A", "bulkId:b"),
            PostGroup("b", "B", "bulkId:c"),
            PostGroup("c", "C", "bulkId:a")));

        var operations = await response.ShouldBeBulkResponseAsync();
        operations.Summary().Should().Equal("POST a 201", "POST b 201", "POST c 201");
        var (a, b, c) = (operations[0].IdOf(), operations[1].IdOf(), operations[2].IdOf());
        (await session.Scim.MemberIdsAsync(a)).Should().Equal(b);
        (await session.Scim.MemberIdsAsync(b)).Should().Equal(c);
        (await session.Scim.MemberIdsAsync(c)).Should().Equal(a);
    }

    [Fact]
    public async Task When_a_POST_in_the_cycle_fails_the_others_fail_cleanly_and_nothing_half_made_remains()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "bulkcyclefail");
        await session.Scim.CreateGroupAsync("Taken");
        var before = await session.Scim.SnapshotAsync();

        using (var response = await session.Scim.PostBulkAsync(Body(
            PostGroup("a", "A", "bulkId:b"),
            PostGroup("b", "B", "bulkId:c"),
            PostGroup("c", "Taken", "bulkId:a"))))
        {
            var operations = await response.ShouldBeBulkResponseAsync();
            operations.Summary().Should().Equal("POST a 409", "POST b 409", "POST c 409");
            ((string)operations[2]["response"]!["scimType"]!).Should().Be("uniqueness");
            ((string)operations[0]["response"]!["detail"]!).Should().Contain("circular");
            operations.Should().OnlyContain(o => !o.ContainsKey("location"));
        }

        (await session.Scim.SnapshotAsync()).Should().Be(before);
        using var admin = fixture.Host.CreateAdminHttpClient(session.Organization);
        using var log = await admin.GetAsync($"api/v1/provisioning-events?clientId={session.Connection.ClientId}&count=200");
        await log.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var events = (await log.ReadJsonObjectAsync())["events"]!.AsArray().Select(e => e!.AsObject())
            .Where(e => ((string)e["operation"]!).StartsWith("Bulk ", StringComparison.Ordinal))
            .Select(e => $"{e["operation"]} {e["status"]} {e["outcome"]}");
        events.Should().BeEquivalentTo(["Bulk POST /Groups 409 failure", "Bulk POST /Groups 409 failure", "Bulk POST /Groups 409 failure"]);
    }

    [Fact]
    public async Task A_cycle_through_values_a_PATCH_cannot_add_later_and_a_path_waiting_on_it_still_get_409()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "bulkcyclepath");
        var before = await session.Scim.SnapshotAsync();
        var first = PostUser("u1", "u1@example.com");
        first["data"]!["externalId"] = "bulkId:u2";
        var second = PostUser("u2", "u2@example.com");
        second["data"]!["externalId"] = "bulkId:u1";

        using var response = await session.Scim.PostBulkAsync(Body(first, second, PatchTitle("/Users/bulkId:u1", "Lead"), PostGroup("g", "G", "bulkId:u2")));

        var operations = await response.ShouldBeBulkResponseAsync();
        operations.Summary().Should().Equal("POST u1 409", "POST u2 409", "PATCH - 409", "POST g 409");
        foreach (var failed in operations)
        {
            ((string)failed["response"]!["scimType"]!).Should().Be("invalidValue");
            ((string)failed["response"]!["detail"]!).Should().Contain("circular").And.Contain("externalId");
        }

        (await session.Scim.SnapshotAsync()).Should().Be(before);
    }

    [Fact]
    public async Task FailOnErrors_reached_inside_a_cycle_deletes_what_was_created_ahead()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "bulkcyclestop");
        await session.Scim.CreateGroupAsync("Taken");
        var before = await session.Scim.SnapshotAsync();

        using var response = await session.Scim.PostBulkAsync(Body(1,
            PostGroup("a", "A", "bulkId:b"),
            PostGroup("b", "B", "bulkId:c"),
            PostGroup("c", "Taken", "bulkId:a")));

        var operations = await response.ShouldBeBulkResponseAsync();
        operations.Summary().Should().Equal("POST a 409", "POST c 409");
        ((string)operations[0]["response"]!["detail"]!).Should().Contain("failOnErrors");
        (await session.Scim.SnapshotAsync()).Should().Be(before);
    }

    private static JsonObject PostEmployee(string bulkId, string userName, string manager)
    {
        var operation = PostUser(bulkId, userName);
        var data = operation["data"]!.AsObject();
        data["schemas"] = new JsonArray(ScimHttp.UserSchema, ScimHttp.EnterpriseUserSchema);
        data[ScimHttp.EnterpriseUserSchema] = new JsonObject { ["manager"] = new JsonObject { ["value"] = manager } };
        return operation;
    }
}
