using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using AutoRfpHex.Persistence.ContractTests.Support;

namespace AutoRfpHex.Persistence.ContractTests.Scim;

/// <summary>
/// SCIM data of org A / Production is invisible and unchangeable from org A / Sandbox and from org B, through every
/// method: get, query, update, delete, and membership edits.
/// </summary>
public abstract class ScimTenancyContract : PersistenceContract
{
    private static readonly Tenant Owner = Tenants.AProduction;

    private ScimRecords Records => new(Store, Time);

    public static TheoryData<Tenant> Others => [.. Tenants.OthersThanAProduction];

    [Theory]
    [MemberData(nameof(Others))]
    public async Task Get_sees_nothing_of_another_tenant(Tenant other)
    {
        var user = await Records.CreateUserAsync(Owner, "ann");
        var group = await Records.CreateGroupAsync(Owner, "All", user.Id);

        (await Store.Resources.GetAsync(other, ScimResourceType.User, user.Id, ResourceLoadOptions.Full, None)).Should().BeNull();
        (await Store.Resources.GetAsync(other, ScimResourceType.Group, group.Id, ResourceLoadOptions.Full, None)).Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Others))]
    public async Task Query_sees_nothing_of_another_tenant(Tenant other)
    {
        var user = await Records.CreateUserAsync(Owner, "ann");
        await Records.CreateGroupAsync(Owner, "All", user.Id);
        var everything = new ScimQuery(null, null, 1, 100, ResourceLoadOptions.Full);
        var byName = everything with { Filter = new ComparisonFilter(new AttributePath(null, "userName"), ComparisonOperator.Equal, JsonValue.Create("ann")) };
        var byMember = everything with { Filter = new ComparisonFilter(new AttributePath(null, "members", "value"), ComparisonOperator.Equal, JsonValue.Create(user.Id)) };

        (await Store.Resources.QueryAsync(other, ScimResourceType.User, everything, None)).TotalResults.Should().Be(0);
        (await Store.Resources.QueryAsync(other, ScimResourceType.User, byName, None)).Resources.Should().BeEmpty();
        (await Store.Resources.QueryAsync(other, ScimResourceType.Group, everything, None)).TotalResults.Should().Be(0);
        (await Store.Resources.QueryAsync(other, ScimResourceType.Group, byMember, None)).Resources.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Others))]
    public async Task Update_and_delete_cannot_touch_another_tenants_resource(Tenant other)
    {
        var user = await Records.CreateUserAsync(Owner, "ann");

        (await Store.Resources.UpdateAsync(other, Records.NextVersion(user, a => a["title"] = "x"), 1, null, None))
            .Outcome.Should().Be(StoreWriteOutcome.NotFound);
        (await Store.Resources.DeleteAsync(other, ScimResourceType.User, user.Id, null, None)).Should().BeFalse();

        var read = await Store.Resources.GetAsync(Owner, ScimResourceType.User, user.Id, ResourceLoadOptions.Full, None);
        read!.Version.Should().Be(1);
        read.Attributes.ContainsKey("title").Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Others))]
    public async Task Another_tenants_resources_are_unknown_members(Tenant other)
    {
        var foreignUser = await Records.CreateUserAsync(Owner, "ann");
        var foreignGroup = await Records.CreateGroupAsync(Owner, "Owners");
        var local = await Records.CreateGroupAsync(other, "Locals");

        var created = await Store.Resources.CreateAsync(other, Records.Group("New"), [foreignUser.Id], None);
        var edited = await Store.Resources.UpdateAsync(other, Records.NextVersion(local), 1, new MembershipChange([foreignGroup.Id], [], false), None);

        created.Outcome.Should().Be(StoreWriteOutcome.UnknownMembers);
        created.UnknownMemberIds.Should().Equal(foreignUser.Id);
        edited.Outcome.Should().Be(StoreWriteOutcome.UnknownMembers);
        edited.UnknownMemberIds.Should().Equal(foreignGroup.Id);
    }

    [Theory]
    [MemberData(nameof(Others))]
    public async Task Membership_edits_in_another_tenant_leave_the_owners_group_alone(Tenant other)
    {
        var ann = await Records.CreateUserAsync(Owner, "ann");
        var group = await Records.CreateGroupAsync(Owner, "All", ann.Id);

        var result = await Store.Resources.UpdateAsync(other, Records.NextVersion(group), 1, MembershipChange.Replace([]), None);

        result.Outcome.Should().Be(StoreWriteOutcome.NotFound);
        (await Store.Resources.GetAsync(Owner, ScimResourceType.Group, group.Id, ResourceLoadOptions.Full, None))!
            .Members.Select(m => m.Value).Should().Equal(ann.Id);
    }

    [Fact]
    public async Task The_same_ids_and_names_live_side_by_side_in_every_tenant()
    {
        var id = ScimRecords.NewId();
        foreach (var tenant in new[] { Owner, Tenants.ASandbox, Tenants.BProduction })
        {
            await Records.CreateAsync(tenant, Records.User("ann", new JsonObject { ["title"] = tenant.ToString() }) with { Id = id });
        }

        foreach (var tenant in new[] { Owner, Tenants.ASandbox, Tenants.BProduction })
        {
            var read = await Store.Resources.GetAsync(tenant, ScimResourceType.User, id, ResourceLoadOptions.Full, None);
            read!.Attributes["title"]!.GetValue<string>().Should().Be(tenant.ToString());
        }

        await Store.Resources.DeleteAsync(Tenants.ASandbox, ScimResourceType.User, id, null, None);
        (await Store.Resources.GetAsync(Owner, ScimResourceType.User, id, ResourceLoadOptions.Full, None)).Should().NotBeNull();
    }
}
