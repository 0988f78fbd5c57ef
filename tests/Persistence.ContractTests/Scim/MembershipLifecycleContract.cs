using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Persistence.ContractTests.Support;

namespace AutoRfpHex.Persistence.ContractTests.Scim;

/// <summary>Membership edges follow their ends: deleting either end removes them; displays show the members' current names.</summary>
public abstract class MembershipLifecycleContract : PersistenceContract
{
    private static readonly Core.Tenancy.Tenant Tenant = Tenants.AProduction;

    private ScimRecords Records => new(Store, Time);

    private async Task<ScimResourceRecord> GroupAsync(string id) =>
        (await Store.Resources.GetAsync(Tenant, ScimResourceType.Group, id, ResourceLoadOptions.Full, None))!;

    [Fact]
    public async Task Deleting_a_user_removes_it_from_every_group()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann");
        var bob = await Records.CreateUserAsync(Tenant, "bob");
        var one = await Records.CreateGroupAsync(Tenant, "One", ann.Id, bob.Id);
        var two = await Records.CreateGroupAsync(Tenant, "Two", ann.Id);

        await Store.Resources.DeleteAsync(Tenant, ScimResourceType.User, ann.Id, null, None);

        (await GroupAsync(one.Id)).Members.Select(m => m.Value).Should().Equal(bob.Id);
        (await GroupAsync(two.Id)).Members.Should().BeEmpty();
    }

    [Fact]
    public async Task Deleting_a_group_removes_its_members_edges_and_its_own_memberships()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann");
        var inner = await Records.CreateGroupAsync(Tenant, "Inner", ann.Id);
        var outer = await Records.CreateGroupAsync(Tenant, "Outer", inner.Id);

        await Store.Resources.DeleteAsync(Tenant, ScimResourceType.Group, inner.Id, null, None);

        (await Store.Resources.GetAsync(Tenant, ScimResourceType.User, ann.Id, ResourceLoadOptions.Full, None))!.Groups.Should().BeEmpty();
        (await GroupAsync(outer.Id)).Members.Should().BeEmpty();

        // A new group reusing nothing of the old one starts empty: no edge survived the deletion.
        var again = await Records.CreateAsync(Tenant, Records.Group("Inner") with { Id = inner.Id });
        (await GroupAsync(again.Id)).Members.Should().BeEmpty();
    }

    [Fact]
    public async Task Member_display_follows_the_members_current_names()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann");
        var group = await Records.CreateGroupAsync(Tenant, "All", ann.Id);

        await Store.Resources.UpdateAsync(Tenant, Records.NextVersion(ann, a => a["displayName"] = "Ann Lee"), 1, null, None);

        (await GroupAsync(group.Id)).Members.Single().Display.Should().Be("Ann Lee");
    }
}
