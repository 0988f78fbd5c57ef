using System.Net;
using System.Text.Json.Nodes;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.EndToEnd.Tests.Conformance;

/// <summary>Membership changes as Okta and Entra send them (V52–V56, BR-08, BR-10, BR-11).</summary>
public sealed class GroupMembershipTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    [Fact]
    public async Task V52_entra_adds_several_members_in_one_operation_with_null_refs()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v52");
        var (alice, bob, _) = await UsersAsync(session);
        var eng = await session.Scim.CreateGroupAsync("Engineering");

        using var response = await PatchAsync(session, eng,
            $$"""{"op":"Add","path":"members","value":[{"$ref":null,"value":"{{alice}}"},{"$ref":null,"value":"{{bob}}"}]}""");

        response.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.NoContent);
        (await session.Scim.MemberIdsAsync(eng)).Should().BeEquivalentTo([alice, bob]);
    }

    [Fact]
    public async Task V52_several_membership_operations_in_one_request_all_apply()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v52m");
        var (alice, bob, carol) = await UsersAsync(session);
        var eng = await session.Scim.CreateGroupAsync("Engineering", alice);

        using var response = await PatchAsync(session, eng,
            $$"""{"op":"Add","path":"members","value":[{"value":"{{bob}}"}]}""",
            $$"""{"op":"Add","path":"members","value":[{"value":"{{carol}}"}]}""",
            $$"""{"op":"Remove","path":"members","value":[{"value":"{{alice}}"}]}""");

        response.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.NoContent);
        (await session.Scim.MemberIdsAsync(eng)).Should().BeEquivalentTo([bob, carol]);
    }

    [Fact]
    public async Task V53_BR08_entra_remove_with_a_value_array_removes_only_those_members()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v53");
        var (alice, bob, _) = await UsersAsync(session);
        var eng = await session.Scim.CreateGroupAsync("Engineering", alice, bob);

        using var response = await PatchAsync(session, eng, $$"""{"op":"Remove","path":"members","value":[{"value":"{{bob}}"}]}""");

        response.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.NoContent);
        (await session.Scim.MemberIdsAsync(eng)).Should().Equal(alice);
    }

    [Fact]
    public async Task BR08_remove_of_members_without_a_value_empties_the_group()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "br08");
        var (alice, bob, _) = await UsersAsync(session);
        var eng = await session.Scim.CreateGroupAsync("Engineering", alice, bob);

        using var response = await PatchAsync(session, eng, """{"op":"remove","path":"members"}""");

        response.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.NoContent);
        (await session.Scim.MemberIdsAsync(eng)).Should().BeEmpty();
        (await session.Scim.GetResourceAsync("scim/v2/Users/" + alice))["userName"].Should().NotBeNull("members leave, users stay");
    }

    [Fact]
    public async Task V55_okta_removes_by_filter_and_adds_in_one_request()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v55");
        var (alice, bob, _) = await UsersAsync(session);
        var eng = await session.Scim.CreateGroupAsync("Engineering", bob);

        using var response = await PatchAsync(session, eng,
            $$"""{"op":"remove","path":"members[value eq \"{{bob}}\"]"}""",
            $$"""{"op":"add","path":"members","value":[{"value":"{{alice}}","display":"alice@example.com"}]}""");

        response.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.NoContent);
        (await session.Scim.MemberIdsAsync(eng)).Should().Equal(alice);
    }

    [Fact]
    public async Task V56_okta_replaces_the_whole_member_list()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v56");
        var (alice, bob, carol) = await UsersAsync(session);
        var eng = await session.Scim.CreateGroupAsync("Engineering", carol);

        using var response = await PatchAsync(session, eng,
            $$"""{"op":"replace","path":"members","value":[{"value":"{{alice}}","display":"alice@example.com"},{"value":"{{bob}}","display":"bob@example.com"}]}""");

        response.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.NoContent);
        (await session.Scim.MemberIdsAsync(eng)).Should().BeEquivalentTo([alice, bob]);
    }

    [Fact]
    public async Task BR10_adding_a_member_already_in_the_group_changes_nothing_and_succeeds()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "br10");
        var (alice, bob, carol) = await UsersAsync(session);
        var eng = await session.Scim.CreateGroupAsync("Engineering", alice, bob);

        using var response = await PatchAsync(session, eng,
            $$"""{"op":"add","path":"members","value":[{"value":"{{alice}}"},{"value":"{{carol}}"},{"value":"{{carol}}"}]}""");

        response.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.NoContent);
        (await session.Scim.MemberIdsAsync(eng)).Should().BeEquivalentTo([alice, bob, carol]).And.OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData("""[{"value":"00000000-dead-4bee-8000-000000000000"}]""")]
    [InlineData("""[{"value":""}]""")]
    [InlineData("""[{"display":"Nobody"}]""")]
    public async Task BR11_adding_a_member_that_does_not_exist_is_refused_and_the_group_is_unchanged(string members)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "br11");
        var (alice, bob, _) = await UsersAsync(session);
        var eng = await session.Scim.CreateGroupAsync("Engineering", alice);

        using var response = await PatchAsync(session, eng,
            $$"""{"op":"add","path":"members","value":[{"value":"{{bob}}"}]}""",
            $$"""{"op":"add","path":"members","value":{{members}}}""");

        await response.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        (await session.Scim.MemberIdsAsync(eng)).Should().Equal([alice], "a PATCH is all or nothing: Bob was not added either");
    }

    [Fact]
    public async Task BR11_removing_someone_who_is_not_a_member_is_no_server_error()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "br11r");
        var (alice, _, _) = await UsersAsync(session);
        var eng = await session.Scim.CreateGroupAsync("Engineering", alice);

        using var response = await PatchAsync(session, eng, """{"op":"remove","path":"members[value eq \"no-such-id\"]"}""");

        ((int)response.StatusCode).Should().BeLessThan(500, await response.DescribeAsync());
        (await session.Scim.MemberIdsAsync(eng)).Should().Equal(alice);
    }

    private static async Task<(string Alice, string Bob, string Carol)> UsersAsync(ScimSession session) => (
        await session.Scim.CreateUserAsync("alice@example.com"),
        await session.Scim.CreateUserAsync("bob@example.com"),
        await session.Scim.CreateUserAsync("carol@example.com"));

    private static Task<HttpResponseMessage> PatchAsync(ScimSession session, string groupId, params string[] operations) =>
        session.Scim.PatchJsonAsync("scim/v2/Groups/" + groupId, ScimHttp.PatchBody(operations));
}
