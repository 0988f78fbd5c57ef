using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Service;

namespace AutoRfpHex.Core.Tests.Scim;

/// <summary>Membership PATCH forms from Okta and Entra, checked against the stored membership records.</summary>
public sealed class GroupPatchTests
{
    private readonly ScimTestHost host = new();
    private string alice = "", bob = "", carol = "", eng = "";

    private async Task Engineering()
    {
        alice = (await host.CreateUser("alice@example.com", "\"displayName\":\"Alice\"")).Id;
        bob = (await host.CreateUser("bob@example.com", "\"displayName\":\"Bob\"")).Id;
        carol = (await host.CreateUser("carol@example.com", "\"displayName\":\"Carol\"")).Id;
        eng = (await host.CreateGroup("Engineering", alice, bob)).Id;
    }

    private Task<ScimPatchResponse> Patch(string operations) => host.Patch(ScimResourceType.Group, eng, operations);

    private async Task MembersShouldBe(params string[] ids) => (await host.MemberIds(eng)).Should().BeEquivalentTo(ids);

    [Fact]
    public async Task Entra_V52_adds_several_members_with_null_refs_and_re_adding_is_a_no_op()
    {
        await Engineering();

        await Patch($$"""[{"op":"Add","path":"members","value":[{"$ref":null,"value":"{{carol}}"},{"$ref":null,"value":"{{alice}}"}]}]""");

        await MembersShouldBe(alice, bob, carol);
        (await host.Stored(ScimResourceType.Group, eng)).Attributes.ShouldBeJson("""{"displayName":"Engineering"}""");
    }

    [Fact]
    public async Task Entra_V53_and_BR08_remove_with_a_value_array_removes_only_those_members()
    {
        await Engineering();

        await Patch($$"""[{"op":"Remove","path":"members","value":[{"value":"{{bob}}"}]}]""");

        await MembersShouldBe(alice);
    }

    [Fact]
    public async Task BR08_remove_of_members_without_a_value_empties_the_group()
    {
        await Engineering();

        await Patch("""[{"op":"remove","path":"members"}]""");

        await MembersShouldBe();
        (await host.Get(ScimResourceType.Group, eng)).Body["members"].ShouldBeJson("[]");
    }

    [Fact]
    public async Task Okta_V55_removes_by_filter_and_adds_in_one_request()
    {
        await Engineering();

        var patched = await host.Patch(ScimResourceType.Group, eng, $$"""
            [{"op":"remove","path":"members[value eq \"{{bob}}\"]"},
             {"op":"add","path":"members","value":[{"value":"{{carol}}","display":"carol@example.com"}]}]
            """, selection: AttributeSelection.FromQuery("displayName,members", null));

        await MembersShouldBe(alice, carol);
        patched.Body!["members"]!.AsArray().Select(m => m!["value"]!.GetValue<string>()).Should().BeEquivalentTo([alice, carol]);
        patched.Body["displayName"]!.GetValue<string>().Should().Be("Engineering");
    }

    [Fact]
    public async Task Okta_V56_replace_sets_exactly_the_given_members()
    {
        await Engineering();

        await Patch($$"""
            [{"op":"replace","path":"members","value":[{"value":"{{carol}}","display":"carol@example.com"},{"value":"{{bob}}","display":"bob@example.com"}]}]
            """);

        await MembersShouldBe(bob, carol);
    }

    [Theory]
    [InlineData("Add", "remove")]
    [InlineData("add", "REMOVE")]
    [InlineData("ADD", "Remove")]
    public async Task BR01_op_names_match_in_any_case(string add, string remove)
    {
        await Engineering();

        await Patch($$"""[{"op":"{{add}}","path":"members","value":[{"value":"{{carol}}"}]}]""");
        await MembersShouldBe(alice, bob, carol);

        await Patch($$"""[{"op":"{{remove}}","path":"members[value eq \"{{carol}}\"]"}]""");
        await MembersShouldBe(alice, bob);
    }

    [Fact]
    public async Task BR10_duplicates_in_one_add_are_stored_once()
    {
        await Engineering();

        await Patch($$"""[{"op":"add","path":"members","value":[{"value":"{{alice}}"},{"value":"{{carol}}"},{"value":"{{carol}}"}]}]""");

        (await host.MemberIds(eng)).Should().HaveCount(3).And.BeEquivalentTo([alice, bob, carol]);
    }

    [Theory]
    [InlineData("""[{"value":"00000000-dead-4bee-8000-000000000000"}]""", "These member ids name no User or Group in this tenant: '00000000-dead-4bee-8000-000000000000'.")]
    [InlineData("""[{"value":""}]""", "needs a non-empty \"value\"")]
    [InlineData("""[{"display":"Nobody"}]""", "needs a non-empty \"value\"")]
    public async Task BR11_adding_unknown_or_empty_member_ids_is_400_invalidValue_and_changes_nothing(string members, string detailPart)
    {
        await Engineering();

        var refusal = await ((Func<Task>)(() => Patch($$"""
            [{"op":"add","path":"members","value":[{"value":"{{carol}}"}]},{"op":"add","path":"members","value":{{members}} }]
            """))).ShouldBeRefused(400, ScimErrorTypes.InvalidValue);

        refusal.Detail.Should().Contain(detailPart);
        await MembersShouldBe(alice, bob);
        (await host.Stored(ScimResourceType.Group, eng)).Version.Should().Be(1);
    }

    [Fact]
    public async Task A_members_value_that_is_a_bare_id_is_400_invalidValue()
    {
        await Engineering();

        var refusal = await ((Func<Task>)(() => Patch($$"""[{"op":"add","path":"members","value":"{{carol}}"}]"""))).ShouldBeRefused(400, ScimErrorTypes.InvalidValue);

        refusal.Detail.Should().Contain("'members' must be an array of objects");
    }

    [Fact]
    public async Task A_patch_answer_can_leave_members_out_for_a_204_at_the_edge()
    {
        await Engineering();

        var patched = await host.Service.PatchAsync(
            host.Context, ScimResourceType.Group, eng, ScimTestHost.PatchBody($$"""[{"op":"add","path":"members","value":[{"value":"{{carol}}"}]}]"""),
            null, AttributeSelection.FromQuery(null, "members"), CancellationToken.None);

        patched.Body!.ContainsKey("members").Should().BeFalse();
        patched.ETag.Should().Be("W/\"2\"");
        await MembersShouldBe(alice, bob, carol);
    }

    [Fact]
    public async Task BR11_removing_a_non_member_is_a_harmless_no_op()
    {
        await Engineering();

        await Patch("""[{"op":"remove","path":"members[value eq \"no-such-id\"]"}]""");

        await MembersShouldBe(alice, bob);
    }

    [Fact]
    public async Task Operations_apply_in_order_so_remove_then_add_keeps_the_member()
    {
        await Engineering();

        await Patch($$"""
            [{"op":"remove","path":"members[value eq \"{{alice}}\"]"},{"op":"add","path":"members","value":[{"value":"{{alice}}"}]},
             {"op":"add","path":"members","value":[{"value":"{{carol}}"}]},{"op":"remove","path":"members","value":[{"value":"{{carol}}"}]}]
            """);

        await MembersShouldBe(alice, bob);
    }

    [Fact]
    public async Task Okta_rename_sends_the_read_only_id_in_a_path_less_value()
    {
        await Engineering();

        await Patch($$"""[{"op":"replace","value":{"id":"{{eng}}","displayName":"Platform Engineering"} }]""");

        (await host.Stored(ScimResourceType.Group, eng)).Attributes.ShouldBeJson("""{"displayName":"Platform Engineering"}""");
        await MembersShouldBe(alice, bob);
    }

    [Fact]
    public async Task A_path_less_add_of_members_adds_them()
    {
        await Engineering();

        await Patch($$"""[{"op":"add","value":{"members":[{"value":"{{carol}}"}]} }]""");

        await MembersShouldBe(alice, bob, carol);
    }

    [Fact]
    public async Task A_members_filter_on_display_is_evaluated_against_the_loaded_members()
    {
        await Engineering();

        await Patch("""[{"op":"remove","path":"members[display eq \"bob\" or type eq \"Group\"]"}]""");

        await MembersShouldBe(alice);
    }

    [Fact]
    public async Task Add_through_a_members_value_filter_adds_that_member()
    {
        await Engineering();

        await Patch($$"""[{"op":"add","path":"members[value eq \"{{carol}}\"]","value":{"value":"{{carol}}"} }]""");

        await MembersShouldBe(alice, bob, carol);
    }

    [Theory]
    [InlineData("""{"op":"replace","path":"members.display","value":"x"}""")]
    [InlineData("""{"op":"replace","path":"members[value eq \"x\"].value","value":"y"}""")]
    [InlineData("""{"op":"replace","path":"members[value eq \"x\"]","value":{"value":"y"}}""")]
    public async Task Members_cannot_be_edited_in_place_400_mutability(string operation)
    {
        await Engineering();

        await ((Func<Task>)(() => Patch($"[{operation}]"))).ShouldBeRefused(400, ScimErrorTypes.Mutability);
        await MembersShouldBe(alice, bob);
    }

    [Fact]
    public async Task Renaming_to_a_taken_displayName_is_409_uniqueness()
    {
        await Engineering();
        await host.CreateGroup("Sales");

        await ((Func<Task>)(() => Patch("""[{"op":"replace","path":"displayName","value":"sales"}]"""))).ShouldBeRefused(409, ScimErrorTypes.Uniqueness);
    }

    [Fact]
    public async Task A_group_can_contain_a_group()
    {
        await Engineering();
        var platform = (await host.CreateGroup("Platform")).Id;

        await Patch($$"""[{"op":"add","path":"members","value":[{"value":"{{platform}}","type":"Group"}]}]""");

        var member = (await host.Stored(ScimResourceType.Group, eng)).Members.Single(m => m.Value == platform);
        member.Type.Should().Be(ScimResourceType.Group);
    }

    [Fact]
    public async Task Membership_patches_bump_the_group_version()
    {
        await Engineering();

        var patched = await Patch($$"""[{"op":"add","path":"members","value":[{"value":"{{carol}}"}]}]""");

        patched.ETag.Should().Be("W/\"2\"");
    }
}
