using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Service;
using AutoRfpHex.Core.Tenancy;
using static AutoRfpHex.Core.Tests.Scim.Bulk.BulkTestSupport;
using static AutoRfpHex.Core.Tests.Scim.ScimTestHost;

namespace AutoRfpHex.Core.Tests.Scim.Bulk;

/// <summary>RFC 7644 §3.7: operations in order through the single-request use cases, bulkIds, failOnErrors, limits.</summary>
public sealed class BulkProcessorTests
{
    private readonly ScimTestHost host = new();
    private readonly BulkTestSupport bulk;

    public BulkProcessorTests() => bulk = new BulkTestSupport(host);

    [Fact]
    public async Task Users_and_a_group_whose_members_name_them_by_bulkId_are_created_with_locations_and_versions()
    {
        var result = await bulk.Run(
            PostUser("alice", "alice@example.com"),
            PostUser("bob", "bob@example.com"),
            PostGroup("eng", "Engineering", "bulkId:alice", "bulkId:bob"));

        result.Summary().Should().Equal("POST alice 201", "POST bob 201", "POST eng 201");
        var alice = result.Single("alice");
        var engineering = result.Single("eng");
        alice.Location.Should().Be($"{BaseUrl}/Users/{alice.ResourceId}");
        alice.Version.Should().Be("W/\"1\"");
        (await host.MemberIds(engineering.ResourceId!)).Should().BeEquivalentTo([alice.ResourceId, result.Single("bob").ResourceId]);
        result.ToResponse().ShouldBeJson($$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkResponse"],"Operations":[
              {"method":"POST","bulkId":"alice","version":"W/\"1\"","location":"{{alice.Location}}","status":"201"},
              {"method":"POST","bulkId":"bob","version":"W/\"1\"","location":"{{result.Single("bob").Location}}","status":"201"},
              {"method":"POST","bulkId":"eng","version":"W/\"1\"","location":"{{engineering.Location}}","status":"201"}]}
            """);
    }

    [Fact]
    public async Task A_forward_reference_waits_for_its_target_and_other_operations_keep_request_order()
    {
        var carol = (await host.CreateUser("carol@example.com")).Id;

        var result = await bulk.Run(
            PostGroup("eng", "Engineering", "bulkId:alice"),
            Patch($"/Users/{carol}", """[{"op":"replace","path":"title","value":"Lead"}]"""),
            Patch("/Groups/bulkId:eng", """[{"op":"add","path":"members","value":[{"value":"bulkId:bob"}]}]"""),
            PostUser("alice", "alice@example.com"),
            PostUser("bob", "bob@example.com"));

        result.Summary().Should().Equal("POST eng 201", "PATCH - 200", "PATCH - 200", "POST alice 201", "POST bob 201");
        var created = result.Operations.Where(o => o.Method == "POST").Select(o => o.ResourceId).ToList();
        (await host.MemberIds(result.Single("eng").ResourceId!)).Should().BeEquivalentTo([result.Single("alice").ResourceId, result.Single("bob").ResourceId]);
        (await host.Stored(ScimResourceType.User, carol)).Attributes["title"]!.GetValue<string>().Should().Be("Lead");
        created.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task A_bulkId_in_a_path_resolves_to_the_created_id()
    {
        var result = await bulk.Run(
            PostUser("boss", "boss@example.com"),
            PostUser("alice", "alice@example.com"),
            """{"method":"put","path":"/Users/bulkId:boss","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"boss@example.com","title":"CEO"}}""",
            Delete("/Users/bulkId:alice"));

        result.Summary().Should().Equal("POST boss 201", "POST alice 201", "PUT - 200", "DELETE - 204");
        var boss = result.Single("boss").ResourceId!;
        result.Operations[2].Location.Should().Be($"{BaseUrl}/Users/{boss}");
        result.Operations[2].Version.Should().Be("W/\"2\"");
        result.Operations[3].Location.Should().Be($"{BaseUrl}/Users/{result.Single("alice").ResourceId}");
        result.Operations[3].Version.Should().BeNull();
        (await host.Stored(ScimResourceType.User, boss)).Attributes["title"]!.GetValue<string>().Should().Be("CEO");
        (await host.Store.GetAsync(Acme, ScimResourceType.User, result.Single("alice").ResourceId!, ResourceLoadOptions.DocumentOnly, default)).Should().BeNull();
    }

    [Fact]
    public async Task The_manager_reference_is_stored_as_the_created_id()
    {
        var result = await bulk.Run(
            PostUser("boss", "boss@example.com"),
            $$"""{"method":"POST","path":"/Users","bulkId":"alice","data":{"schemas":["{{UserSchema}}","{{EnterpriseUrn}}"],"userName":"alice@example.com","{{EnterpriseUrn}}":{"manager":{"value":"bulkId:boss"} } } }""");

        result.Summary().Should().Equal("POST boss 201", "POST alice 201");
        var alice = await host.Stored(ScimResourceType.User, result.Single("alice").ResourceId!);
        alice.Attributes[EnterpriseUrn]!["manager"]!["value"]!.GetValue<string>().Should().Be(result.Single("boss").ResourceId);
    }

    [Fact]
    public async Task A_reference_to_an_undefined_or_failed_bulkId_fails_that_operation_with_409_invalidValue()
    {
        await host.CreateUser("taken@example.com");

        var result = await bulk.Run(
            PostUser("dup", "taken@example.com"),
            PostGroup("eng", "Engineering", "bulkId:dup"),
            PostGroup("ops", "Ops", "bulkId:nobody"),
            Patch("/Groups/bulkId:eng", """[{"op":"replace","path":"displayName","value":"R&D"}]"""));

        result.Summary().Should().Equal("POST dup 409", "POST eng 409", "POST ops 409", "PATCH - 409");
        result.Operations[0].Error!.ScimType.Should().Be(ScimErrorTypes.Uniqueness);
        result.Operations[1].Error!.Detail.Should().Contain("'dup'").And.Contain("failed");
        result.Operations[2].Error!.Detail.Should().Contain("'nobody'").And.Contain("no POST");
        result.Operations[3].Error!.Detail.Should().Contain("'eng'");
        result.Operations.Skip(1).Should().OnlyContain(o => o.Error!.ScimType == ScimErrorTypes.InvalidValue);
    }

    [Fact]
    public async Task Mixed_outcomes_each_get_their_own_status_and_the_others_still_run()
    {
        var alice = (await host.CreateUser("alice@example.com")).Id;

        var result = await bulk.Run(
            PostUser("ok", "new@example.com"),
            PostUser("bad", "", null),
            Patch($"/Users/{alice}", """[{"op":"replace","path":"title","value":"Lead"}]""", version: "W/\"7\""),
            Delete("/Users/00000000000000000000000000000000"),
            Patch($"/Users/{alice}", """[{"op":"replace","path":"title","value":"Lead"}]""", version: "W/\"1\""));

        result.Summary().Should().Equal("POST ok 201", "POST bad 400", "PATCH - 412", "DELETE - 404", "PATCH - 200");
        result.Operations[2].Location.Should().Be($"{BaseUrl}/Users/{alice}");
        result.Operations[2].Error!.Detail.Should().Contain("W/\"1\"");
        result.Operations[4].Version.Should().Be("W/\"2\"");
        result.Failed.Should().Be(3);
        var response = result.ToResponse()["Operations"]![2]!;
        response["response"].ShouldBeJson($$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"412","detail":{{JsonValue.Create(result.Operations[2].Error!.Detail).ToJsonString()}}}
            """);
    }

    [Fact]
    public async Task FailOnErrors_stops_after_that_many_errors_and_leaves_the_rest_unprocessed_and_unreported()
    {
        var result = await bulk.Run(Request(
            [PostUser("a", "a@example.com"), PostUser("x", ""), PostUser("b", "b@example.com"), PostUser("y", ""), PostUser("c", "c@example.com")],
            "\"failOnErrors\":2"));

        result.Summary().Should().Equal("POST a 201", "POST x 400", "POST b 201", "POST y 400");
        result.NotProcessed.Should().Be(1);
        (await bulk.Count(ScimResourceType.User, Acme)).Should().Be(2);
    }

    [Fact]
    public async Task FailOnErrors_of_one_stops_at_the_first_error()
    {
        var result = await bulk.Run(Request([PostUser("x", ""), PostUser("a", "a@example.com")], "\"FAILONERRORS\":1"));

        result.Summary().Should().Equal("POST x 400");
        result.NotProcessed.Should().Be(1);
        (await bulk.Count(ScimResourceType.User, Acme)).Should().Be(0);
    }

    [Fact]
    public async Task FailOnErrors_also_counts_circular_references_that_cannot_be_resolved()
    {
        var result = await bulk.Run(Request(
            [PostUser("a", "a@example.com", "\"externalId\":\"bulkId:b\""), PostUser("b", "b@example.com", "\"externalId\":\"bulkId:a\""), PostUser("u", "u@example.com")],
            "\"failOnErrors\":1"));

        result.Summary().Should().Equal("POST a 409", "POST u 201");
        result.NotProcessed.Should().Be(1);
    }

    [Fact]
    public async Task More_operations_than_the_limit_is_413_tooMany_and_writes_nothing()
    {
        var limited = new BulkTestSupport(host, new ScimServiceLimits { BulkMaxOperations = 2 });

        var refusal = await ((Func<Task>)(() => limited.Run(PostUser("a", "a@example.com"), PostUser("b", "b@example.com"), PostUser("c", "c@example.com"))))
            .ShouldBeRefused(413, ScimErrorTypes.TooMany);

        refusal.Detail.Should().Contain("3").And.Contain("2");
        (await bulk.Count(ScimResourceType.User, Acme)).Should().Be(0);
        (await limited.Run(PostUser("a", "a@example.com"), PostUser("b", "b@example.com"))).Failed.Should().Be(0);
    }

    [Fact]
    public async Task Another_tenants_resources_are_404_to_change_and_invalid_as_members()
    {
        var theirs = await host.CreateUser("theirs@globex.example", tenant: Globex);

        var result = await bulk.Run(
            Patch($"/Users/{theirs.Id}", """[{"op":"replace","path":"title","value":"Mine"}]"""),
            Delete($"/Users/{theirs.Id}"),
            PostGroup("g", "Grab", theirs.Id));

        result.Summary().Should().Equal("PATCH - 404", "DELETE - 404", "POST g 400");
        result.Operations[2].Error!.ScimType.Should().Be(ScimErrorTypes.InvalidValue);
        (await host.Stored(ScimResourceType.User, theirs.Id, Globex)).Version.Should().Be(1);
        (await bulk.Count(ScimResourceType.Group, Acme)).Should().Be(0);
    }

    [Fact]
    public async Task Methods_match_in_any_case_and_are_echoed_in_capitals()
    {
        var result = await bulk.Run("""{"method":"post","path":"/users","bulkId":"a","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"a@example.com"}}""");

        result.Summary().Should().Equal("POST a 201");
        result.Operations[0].Location.Should().Contain("/Users/");
    }

    [Fact]
    public async Task An_empty_request_answers_an_empty_response()
    {
        var result = await bulk.Run();

        result.ToResponse().ShouldBeJson("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkResponse"],"Operations":[]}""");
    }

    [Fact]
    public async Task The_last_active_admin_is_protected_inside_a_bulk_as_outside()
    {
        var admin = await bulk.AddAdminAsync("boss@acme.test");

        var result = await bulk.Run(Delete($"/Users/{admin}"), Patch($"/Users/{admin}", """[{"op":"replace","path":"active","value":false}]"""));

        result.Summary().Should().Equal("DELETE - 403", "PATCH - 403");
        (await host.Stored(ScimResourceType.User, admin)).Should().NotBeNull();
    }
}
