using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Persistence.ContractTests.Support;

namespace AutoRfpHex.Persistence.ContractTests.Scim;

/// <summary>
/// Group membership: edited in the group's transaction, member ids must name resources of the same tenant (else nothing
/// is written and the unknown ids are reported), add-existing and remove-absent are no-ops, deletion removes edges both ways.
/// </summary>
public abstract class MembershipContract : PersistenceContract
{
    private static readonly Core.Tenancy.Tenant Tenant = Tenants.AProduction;

    private ScimRecords Records => new(Store, Time);

    private async Task<ScimResourceRecord> GroupAsync(string id, ResourceLoadOptions? load = null) =>
        (await Store.Resources.GetAsync(Tenant, ScimResourceType.Group, id, load ?? ResourceLoadOptions.Full, None))!;

    private async Task<StoreWriteResult> EditAsync(ScimResourceRecord group, MembershipChange change, long? expectedVersion = null)
    {
        var current = await GroupAsync(group.Id, ResourceLoadOptions.DocumentOnly);
        return await Store.Resources.UpdateAsync(Tenant, Records.NextVersion(current), expectedVersion ?? current.Version, change, None);
    }

    [Fact]
    public async Task Members_load_with_type_and_display_and_users_load_their_groups()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann", new JsonObject { ["displayName"] = "Ann Smith" });
        var bob = await Records.CreateUserAsync(Tenant, "bob");
        var ops = await Records.CreateGroupAsync(Tenant, "Ops");
        var all = await Records.CreateGroupAsync(Tenant, "All", ann.Id, bob.Id, ops.Id);

        (await GroupAsync(all.Id)).Members.Should().BeEquivalentTo(new[]
        {
            new MemberReference(ann.Id, ScimResourceType.User, "Ann Smith"),
            new MemberReference(bob.Id, ScimResourceType.User, "bob"), // no displayName: the userName shows
            new MemberReference(ops.Id, ScimResourceType.Group, "Ops"),
        });
        var annRead = await Store.Resources.GetAsync(Tenant, ScimResourceType.User, ann.Id, ResourceLoadOptions.Full, None);
        annRead!.Groups.Should().Equal(new MemberReference(all.Id, ScimResourceType.Group, "All"));
    }

    [Fact]
    public async Task Document_only_reads_carry_no_edges()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann");
        var all = await Records.CreateGroupAsync(Tenant, "All", ann.Id);

        (await GroupAsync(all.Id, ResourceLoadOptions.DocumentOnly)).Members.Should().BeEmpty();
        (await Store.Resources.GetAsync(Tenant, ScimResourceType.User, ann.Id, new ResourceLoadOptions(true, false), None))!.Groups.Should().BeEmpty();
    }

    [Fact]
    public async Task Creating_a_group_with_unknown_member_ids_writes_nothing_and_names_them()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann");
        var group = Records.Group("All");
        var (missing1, missing2) = (ScimRecords.NewId(), ScimRecords.NewId());

        var result = await Store.Resources.CreateAsync(Tenant, group, [ann.Id, missing1, missing2], None);

        result.Outcome.Should().Be(StoreWriteOutcome.UnknownMembers);
        result.UnknownMemberIds.Should().BeEquivalentTo([missing1, missing2]);
        (await Store.Resources.GetAsync(Tenant, ScimResourceType.Group, group.Id, ResourceLoadOptions.Full, None)).Should().BeNull();
    }

    [Fact]
    public async Task Adding_unknown_members_writes_neither_the_members_nor_the_document()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann");
        var group = await Records.CreateGroupAsync(Tenant, "All");
        var missing = ScimRecords.NewId();

        var result = await Store.Resources.UpdateAsync(Tenant, Records.NextVersion(group, a => a["displayName"] = "Renamed"), 1,
            new MembershipChange([ann.Id, missing], [], false), None);

        result.Outcome.Should().Be(StoreWriteOutcome.UnknownMembers);
        result.UnknownMemberIds.Should().Equal(missing);
        var read = await GroupAsync(group.Id);
        read.Members.Should().BeEmpty();
        read.Version.Should().Be(1);
        read.Attributes["displayName"]!.GetValue<string>().Should().Be("All");
    }

    [Fact]
    public async Task Adding_an_existing_member_and_removing_an_absent_one_are_no_ops()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann");
        var bob = await Records.CreateUserAsync(Tenant, "bob");
        var group = await Records.CreateGroupAsync(Tenant, "All", ann.Id);

        var result = await EditAsync(group, new MembershipChange([ann.Id, ann.Id], [bob.Id, ScimRecords.NewId()], false));

        result.Outcome.Should().Be(StoreWriteOutcome.Written);
        (await GroupAsync(group.Id)).Members.Select(m => m.Value).Should().Equal(ann.Id);
    }

    [Fact]
    public async Task Add_and_remove_change_only_the_named_members()
    {
        var users = new List<ScimResourceRecord>();
        for (var i = 0; i < 5; i++)
        {
            users.Add(await Records.CreateUserAsync(Tenant, $"user{i}"));
        }

        var group = await Records.CreateGroupAsync(Tenant, "All", users[0].Id, users[1].Id, users[2].Id);

        await EditAsync(group, new MembershipChange([users[3].Id, users[4].Id], [users[0].Id], false));

        (await GroupAsync(group.Id)).Members.Select(m => m.Value)
            .Should().BeEquivalentTo([users[1].Id, users[2].Id, users[3].Id, users[4].Id]);
    }

    [Fact]
    public async Task Replace_all_sets_exactly_the_given_members()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann");
        var bob = await Records.CreateUserAsync(Tenant, "bob");
        var cy = await Records.CreateUserAsync(Tenant, "cy");
        var group = await Records.CreateGroupAsync(Tenant, "All", ann.Id, bob.Id);

        await EditAsync(group, MembershipChange.Replace([bob.Id, cy.Id]));
        (await GroupAsync(group.Id)).Members.Select(m => m.Value).Should().BeEquivalentTo([bob.Id, cy.Id]);

        await EditAsync(group, MembershipChange.Replace([]));
        (await GroupAsync(group.Id)).Members.Should().BeEmpty();
    }

    [Fact]
    public async Task A_membership_edit_on_a_stale_version_changes_nothing()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann");
        var group = await Records.CreateGroupAsync(Tenant, "All");
        await Store.Resources.UpdateAsync(Tenant, Records.NextVersion(group, a => a["displayName"] = "Everyone"), 1, null, None); // now at version 2

        var result = await EditAsync(group, new MembershipChange([ann.Id], [], false), expectedVersion: 1);

        result.Outcome.Should().Be(StoreWriteOutcome.VersionMismatch);
        (await GroupAsync(group.Id)).Members.Should().BeEmpty();
    }
}
