using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Service;
using AutoRfpHex.Core.Tenancy;
using static AutoRfpHex.Core.Tests.Scim.ScimTestHost;

namespace AutoRfpHex.Core.Tests.Scim;

public sealed class DeleteAndTenancyTests
{
    private readonly ScimTestHost host = new();
    private readonly CancellationToken none = CancellationToken.None;

    [Fact]
    public async Task Deleting_a_user_removes_it_and_its_memberships()
    {
        var alice = (await host.CreateUser("alice@example.com")).Id;
        var bob = (await host.CreateUser("bob@example.com")).Id;
        var group = (await host.CreateGroup("Engineering", alice, bob)).Id;

        await host.Service.DeleteAsync(host.Context, ScimResourceType.User, alice, null, none);

        await ((Func<Task>)(() => host.Get(ScimResourceType.User, alice))).ShouldBeRefused(404, null);
        (await host.MemberIds(group)).Should().Equal(bob);
    }

    [Fact]
    public async Task Deleting_a_group_removes_it_from_its_members_groups()
    {
        var alice = (await host.CreateUser("alice@example.com")).Id;
        var group = (await host.CreateGroup("Engineering", alice)).Id;

        await host.Service.DeleteAsync(host.Context, ScimResourceType.Group, group, null, none);

        (await host.Get(ScimResourceType.User, alice)).Body.ContainsKey("groups").Should().BeFalse();
        await ((Func<Task>)(() => host.Service.DeleteAsync(host.Context, ScimResourceType.Group, group, null, none))).ShouldBeRefused(404, null);
    }

    [Fact]
    public async Task A_change_between_the_if_match_check_and_the_delete_is_412_and_keeps_the_resource()
    {
        var alice = (await host.CreateUser("alice@example.com")).Id;
        host.Store.BeforeDelete = () => host.Patch(ScimResourceType.User, alice, """[{"op":"replace","path":"title","value":"Lead"}]""");

        await ((Func<Task>)(() => host.Service.DeleteAsync(host.Context, ScimResourceType.User, alice, "W/\"1\"", none))).ShouldBeRefused(412, null);

        var kept = await host.Stored(ScimResourceType.User, alice);
        kept.Version.Should().Be(2);
        kept.Attributes["title"]!.GetValue<string>().Should().Be("Lead");
    }

    [Fact]
    public async Task Delete_honours_if_match()
    {
        var alice = (await host.CreateUser("alice@example.com")).Id;
        await host.Patch(ScimResourceType.User, alice, """[{"op":"replace","path":"title","value":"Lead"}]""");

        await ((Func<Task>)(() => host.Service.DeleteAsync(host.Context, ScimResourceType.User, alice, "W/\"1\"", none))).ShouldBeRefused(412, null);
        (await host.Get(ScimResourceType.User, alice)).Id.Should().Be(alice);

        await host.Service.DeleteAsync(host.Context, ScimResourceType.User, alice, "W/\"2\"", none);
        await ((Func<Task>)(() => host.Get(ScimResourceType.User, alice))).ShouldBeRefused(404, null);
    }

    [Theory]
    [InlineData("org-globex", DeploymentEnvironment.Production)]
    [InlineData("org-acme", DeploymentEnvironment.Sandbox)]
    public async Task Another_tenant_gets_404_for_every_verb_and_changes_nothing(string organization, DeploymentEnvironment environment)
    {
        var alice = await host.CreateUser("alice@example.com");
        var group = await host.CreateGroup("Engineering", alice.Id);
        var before = await host.Get(ScimResourceType.User, alice.Id);
        var other = For(new Tenant(organization, environment));
        var patch = PatchBody("""[{"op":"replace","path":"displayName","value":"Pwned"}]""");

        await ((Func<Task>)(() => host.Service.GetAsync(other, ScimResourceType.User, alice.Id, AttributeSelection.All, none))).ShouldBeRefused(404, null);
        await ((Func<Task>)(() => host.Service.ReplaceAsync(
            other, ScimResourceType.User, alice.Id, Json("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"pwned"}"""), null, AttributeSelection.All, none)))
            .ShouldBeRefused(404, null);
        await ((Func<Task>)(() => host.Service.PatchAsync(other, ScimResourceType.User, alice.Id, patch, null, AttributeSelection.All, none))).ShouldBeRefused(404, null);
        await ((Func<Task>)(() => host.Service.PatchAsync(other, ScimResourceType.Group, group.Id, patch, null, AttributeSelection.All, none))).ShouldBeRefused(404, null);
        await ((Func<Task>)(() => host.Service.DeleteAsync(other, ScimResourceType.User, alice.Id, null, none))).ShouldBeRefused(404, null);
        await ((Func<Task>)(() => host.Service.DeleteAsync(other, ScimResourceType.Group, group.Id, null, none))).ShouldBeRefused(404, null);
        var list = await host.Service.ListAsync(other, ScimResourceType.User, new ScimListRequest(null, null, null, null, null, AttributeSelection.All), none);
        list["totalResults"]!.GetValue<int>().Should().Be(0);

        (await host.Get(ScimResourceType.User, alice.Id)).Body.ShouldBeJson(before.Body.ToJsonString());
        (await host.MemberIds(group.Id)).Should().Equal(alice.Id);
    }

    [Fact]
    public async Task A_group_of_one_tenant_cannot_reference_a_user_of_another_by_patch()
    {
        var stranger = (await host.CreateUser("eve@example.com", tenant: Globex)).Id;
        var group = (await host.CreateGroup("Engineering")).Id;

        await ((Func<Task>)(() => host.Patch(ScimResourceType.Group, group, $$"""[{"op":"add","path":"members","value":[{"value":"{{stranger}}"}]}]""")))
            .ShouldBeRefused(400, ScimErrorTypes.InvalidValue);
    }
}
