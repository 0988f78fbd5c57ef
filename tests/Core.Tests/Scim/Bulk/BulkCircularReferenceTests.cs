using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Resources;
using static AutoRfpHex.Core.Tests.Scim.Bulk.BulkTestSupport;
using static AutoRfpHex.Core.Tests.Scim.ScimTestHost;

namespace AutoRfpHex.Core.Tests.Scim.Bulk;

/// <summary>
/// RFC 7644 §3.7.1: circular bulkId references are resolved by creating one POST of the cycle first without its
/// member/manager references and adding them by PATCH once they exist; when that fails, nothing half-made remains.
/// </summary>
public sealed class BulkCircularReferenceTests
{
    private readonly ScimTestHost host = new();
    private readonly BulkTestSupport bulk;

    public BulkCircularReferenceTests() => bulk = new BulkTestSupport(host);

    [Fact]
    public async Task The_RFC_example_of_two_groups_holding_each_other_is_resolved()
    {
        var result = await bulk.Run(
            PostUser("alice", "alice@example.com"),
            PostGroup("qwerty", "Group A", "bulkId:ytrewq"),
            PostGroup("ytrewq", "Group B", "bulkId:qwerty", "bulkId:alice"),
            PostGroup("c", "C", "bulkId:qwerty"));

        result.Summary().Should().Equal("POST alice 201", "POST qwerty 201", "POST ytrewq 201", "POST c 201");
        var (alice, a, b, c) = (result.Single("alice"), result.Single("qwerty"), result.Single("ytrewq"), result.Single("c"));
        (await host.MemberIds(a.ResourceId!)).Should().Equal(b.ResourceId);
        (await host.MemberIds(b.ResourceId!)).Should().BeEquivalentTo([a.ResourceId, alice.ResourceId]);
        (await host.MemberIds(c.ResourceId!)).Should().Equal(a.ResourceId);
        a.Location.Should().Be($"{BaseUrl}/Groups/{a.ResourceId}");
        a.Version.Should().Be($"W/\"{(await host.Stored(ScimResourceType.Group, a.ResourceId!)).Version}\"").And.NotBe("W/\"1\"", "the members were added after the create");
        b.Version.Should().Be("W/\"1\"");
        (await bulk.Count(ScimResourceType.Group, Acme)).Should().Be(3);
    }

    [Fact]
    public async Task The_RFC_wire_form_with_member_types_is_resolved()
    {
        var result = await bulk.Run(
            $$"""{"method":"POST","path":"/Groups","bulkId":"qwerty","data":{"schemas":["{{GroupSchema}}"],"displayName":"Group A","members":[{"type":"Group","value":"bulkId:ytrewq"}] } }""",
            $$"""{"method":"POST","path":"/Groups","bulkId":"ytrewq","data":{"schemas":["{{GroupSchema}}"],"displayName":"Group B","Members":[{"type":"Group","VALUE":"bulkId:qwerty"}] } }""");

        result.Summary().Should().Equal("POST qwerty 201", "POST ytrewq 201");
        (await host.MemberIds(result.Single("qwerty").ResourceId!)).Should().Equal(result.Single("ytrewq").ResourceId);
        (await host.MemberIds(result.Single("ytrewq").ResourceId!)).Should().Equal(result.Single("qwerty").ResourceId);
    }

    [Fact]
    public async Task Two_users_managing_each_other_are_resolved_whatever_form_the_manager_takes()
    {
        var result = await bulk.Run(
            PostEmployee("ann", "ann@example.com", "{\"manager\":\"bulkId:ben\",\"department\":\"R&D\"}"),
            PostEmployee("ben", "ben@example.com", "{\"manager\":{\"value\":\"bulkId:ann\"}}"));

        result.Summary().Should().Equal("POST ann 201", "POST ben 201");
        var ann = await host.Stored(ScimResourceType.User, result.Single("ann").ResourceId!);
        var ben = await host.Stored(ScimResourceType.User, result.Single("ben").ResourceId!);
        ann.Attributes[EnterpriseUrn]!["manager"]!["value"]!.GetValue<string>().Should().Be(ben.Id);
        ann.Attributes[EnterpriseUrn]!["department"]!.GetValue<string>().Should().Be("R&D");
        ben.Attributes[EnterpriseUrn]!["manager"]!["value"]!.GetValue<string>().Should().Be(ann.Id);
        result.Single("ann").Version.Should().Be($"W/\"{ann.Version}\"");
    }

    [Fact]
    public async Task A_three_group_cycle_is_resolved_and_a_PATCH_naming_it_runs_after()
    {
        var result = await bulk.Run(
            Patch("/Groups/bulkId:a", """[{"op":"replace","path":"displayName","value":"A2"}]"""),
            PostGroup("a", "A", "bulkId:b"),
            PostGroup("b", "B", "bulkId:c"),
            PostGroup("c", "C", "bulkId:a"));

        result.Summary().Should().Equal("PATCH - 200", "POST a 201", "POST b 201", "POST c 201");
        var (a, b, c) = (result.Single("a").ResourceId!, result.Single("b").ResourceId!, result.Single("c").ResourceId!);
        (await host.MemberIds(a)).Should().Equal(b);
        (await host.MemberIds(b)).Should().Equal(c);
        (await host.MemberIds(c)).Should().Equal(a);
        (await host.Stored(ScimResourceType.Group, a)).Attributes["displayName"]!.GetValue<string>().Should().Be("A2");
        result.Operations[0].Location.Should().Be(result.Single("a").Location);
    }

    [Fact]
    public async Task A_group_listing_itself_is_created_then_completed()
    {
        var result = await bulk.Run(PostGroup("self", "Self", "bulkId:self"));

        result.Summary().Should().Equal("POST self 201");
        var self = result.Single("self").ResourceId!;
        (await host.MemberIds(self)).Should().Equal(self);
    }

    [Fact]
    public async Task When_a_POST_in_the_cycle_fails_the_POSTs_that_depended_on_it_fail_and_nothing_half_made_remains()
    {
        await host.CreateGroup("Taken");

        var result = await bulk.Run(
            PostGroup("a", "A", "bulkId:b"),
            PostGroup("b", "Taken", "bulkId:c"),
            PostGroup("c", "C", "bulkId:a"),
            PostGroup("d", "D", "bulkId:a"),
            Patch("/Groups/bulkId:c", """[{"op":"replace","path":"displayName","value":"C2"}]"""));

        result.Summary().Should().Equal("POST a 409", "POST b 409", "POST c 409", "POST d 409", "PATCH - 409");
        result.Single("b").Error!.ScimType.Should().Be(ScimErrorTypes.Uniqueness);
        result.Single("a").Error!.Detail.Should().Contain("circular").And.Contain("'b'").And.Contain("deleted");
        result.Single("c").Error!.Detail.Should().Contain("'a'").And.Contain("deleted too");
        result.Single("d").Error!.Detail.Should().Contain("'a'");
        result.Operations[4].Error!.Detail.Should().Contain("'c'").And.Contain("failed");
        result.Operations.Should().OnlyContain(o => o.Location == null && o.Version == null);
        result.Operations.Where(o => o.BulkId != "b").Should().OnlyContain(o => o.Error!.ScimType == ScimErrorTypes.InvalidValue);
        (await bulk.Count(ScimResourceType.Group, Acme)).Should().Be(1, "only the group that was there before remains");
    }

    [Fact]
    public async Task A_cycle_through_values_a_PATCH_cannot_add_later_still_fails_with_409_saying_why()
    {
        var result = await bulk.Run(
            PostUser("u1", "u1@example.com", "\"externalId\":\"bulkId:u2\""),
            PostUser("u2", "u2@example.com", "\"externalId\":\"bulkId:u1\""),
            Patch("/Users/bulkId:u1", """[{"op":"replace","path":"title","value":"Lead"}]"""),
            PostGroup("g", "G", "bulkId:u1"));

        result.Summary().Should().Equal("POST u1 409", "POST u2 409", "PATCH - 409", "POST g 409");
        foreach (var failed in result.Operations)
        {
            failed.Error!.ScimType.Should().Be(ScimErrorTypes.InvalidValue);
            failed.Error.Detail.Should().Contain("circular").And.Contain("tried").And.Contain("\"externalId\"");
        }

        result.Operations[2].Error!.Detail.Should().Contain("'u1'");
        (await bulk.Count(ScimResourceType.User, Acme)).Should().Be(0);
        (await bulk.Count(ScimResourceType.Group, Acme)).Should().Be(0);
    }

    [Fact]
    public async Task A_cycle_with_a_POST_that_names_a_failed_POST_fails_whole()
    {
        await host.CreateUser("taken@example.com");

        var result = await bulk.Run(
            PostUser("dup", "taken@example.com"),
            PostGroup("a", "A", "bulkId:b", "bulkId:dup"),
            PostGroup("b", "B", "bulkId:a"));

        result.Summary().Should().Equal("POST dup 409", "POST a 409", "POST b 409");
        result.Single("a").Error!.Detail.Should().Contain("'dup'");
        result.Single("b").Error!.Detail.Should().Contain("'a'");
        (await bulk.Count(ScimResourceType.Group, Acme)).Should().Be(0);
    }

    [Fact]
    public async Task FailOnErrors_reached_after_a_cycle_was_resolved_keeps_the_cycle()
    {
        await host.CreateGroup("Taken");

        var result = await bulk.Run(Request(
            [PostGroup("a", "A", "bulkId:b"), PostGroup("b", "B", "bulkId:a"), PostGroup("c", "Taken", "bulkId:a"), PostUser("u", "u@example.com")],
            "\"failOnErrors\":1"));

        result.Summary().Should().Equal("POST a 201", "POST b 201", "POST c 409", "POST u 201");
        result.NotProcessed.Should().Be(0);
        (await host.MemberIds(result.Single("a").ResourceId!)).Should().Equal(result.Single("b").ResourceId);
        (await host.MemberIds(result.Single("b").ResourceId!)).Should().Equal(result.Single("a").ResourceId);
    }

    [Fact]
    public async Task When_failOnErrors_stops_processing_inside_a_cycle_the_POST_created_ahead_is_deleted_and_reported()
    {
        await host.CreateGroup("Taken");

        var result = await bulk.Run(Request(
            [PostGroup("a", "A", "bulkId:b"), PostGroup("b", "B", "bulkId:c"), PostGroup("c", "Taken", "bulkId:a"), PostUser("u", "u@example.com")],
            "\"failOnErrors\":1"));

        result.Summary().Should().Equal("POST a 409", "POST c 409", "POST u 201");
        result.Single("a").Error!.Detail.Should().Contain("failOnErrors").And.Contain("deleted");
        result.NotProcessed.Should().Be(1);
        (await bulk.Count(ScimResourceType.Group, Acme)).Should().Be(1);
    }

    /// <param name="enterprise">The enterprise extension object, as JSON text.</param>
    private static string PostEmployee(string bulkId, string userName, string enterprise) =>
        $$"""{"method":"POST","path":"/Users","bulkId":"{{bulkId}}","data":{"schemas":["{{UserSchema}}","{{EnterpriseUrn}}"],"userName":"{{userName}}","{{EnterpriseUrn}}":{{enterprise}} } }""";
}
