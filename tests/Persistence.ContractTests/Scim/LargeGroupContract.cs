using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Persistence.ContractTests.Support;

namespace AutoRfpHex.Persistence.ContractTests.Scim;

/// <summary>
/// What large groups need of a store: membership deltas written without a version check (<see cref="IScimResourceStore.UpdateMembersAsync"/>)
/// that still raise the version and refuse unknown ids atomically, a member limit that reads no members of a group over
/// it, and member windows that read one page in member id order with the member count.
/// </summary>
public abstract class LargeGroupContract : PersistenceContract
{
    private static readonly Core.Tenancy.Tenant Tenant = Tenants.AProduction;

    private ScimRecords Records => new(Store, Time);

    private async Task<ScimResourceRecord> GroupAsync(string id, ResourceLoadOptions? load = null, Core.Tenancy.Tenant? tenant = null) =>
        (await Store.Resources.GetAsync(tenant ?? Tenant, ScimResourceType.Group, id, load ?? ResourceLoadOptions.Full, None))!;

    private async Task<List<string>> UsersAsync(int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await Records.CreateUserAsync(Tenant, $"user{i}")).Id);
        }

        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    private static ResourceLoadOptions Members(int? limit = null, MemberWindow? window = null) =>
        new(IncludeMembers: true, IncludeGroups: false) { MemberLimit = limit, MemberWindow = window };

    [Fact]
    public async Task A_membership_delta_applies_whatever_the_version_and_raises_it_by_one()
    {
        var users = await UsersAsync(3);
        var group = await Records.CreateGroupAsync(Tenant, "All", users[0]);
        await Store.Resources.UpdateAsync(Tenant, Records.NextVersion(group, a => a["displayName"] = "Everyone"), 1, null, None);
        var modified = Time.GetUtcNow().AddMinutes(5);

        var result = await Store.Resources.UpdateMembersAsync(Tenant, group.Id, new MembershipChange([users[1], users[2]], [users[0]], false), modified, None);

        result.Outcome.Should().Be(StoreWriteOutcome.Written);
        result.Resource!.Version.Should().Be(3);
        result.Resource.LastModified.Should().Be(modified);
        var read = await GroupAsync(group.Id);
        read.Version.Should().Be(3);
        read.Attributes["displayName"]!.GetValue<string>().Should().Be("Everyone", "the document is left as it is");
        read.Members.Select(m => m.Value).Should().Equal(users[1], users[2]);
    }

    [Fact]
    public async Task A_membership_delta_that_changes_nothing_leaves_the_version()
    {
        var users = await UsersAsync(2);
        var group = await Records.CreateGroupAsync(Tenant, "All", users[0]);

        var result = await Store.Resources.UpdateMembersAsync(Tenant, group.Id, new MembershipChange([users[0]], [users[1]], false), Time.GetUtcNow().AddMinutes(5), None);

        result.Outcome.Should().Be(StoreWriteOutcome.Written);
        result.Resource!.Version.Should().Be(group.Version, "re-adding a member and removing a non-member change nothing");
        result.Resource.LastModified.Should().Be(group.LastModified);
        (await GroupAsync(group.Id)).Members.Select(m => m.Value).Should().Equal(users[0]);
    }

    [Fact]
    public async Task A_membership_delta_with_an_unknown_id_writes_nothing_and_names_it()
    {
        var users = await UsersAsync(1);
        var group = await Records.CreateGroupAsync(Tenant, "All");
        var missing = ScimRecords.NewId();

        var result = await Store.Resources.UpdateMembersAsync(Tenant, group.Id, new MembershipChange([users[0], missing], [], false), Time.GetUtcNow(), None);

        result.Outcome.Should().Be(StoreWriteOutcome.UnknownMembers);
        result.UnknownMemberIds.Should().Equal(missing);
        var read = await GroupAsync(group.Id);
        read.Members.Should().BeEmpty();
        read.Version.Should().Be(1);
    }

    [Fact]
    public async Task A_membership_delta_on_a_missing_group_or_a_user_or_another_tenant_is_not_found()
    {
        var users = await UsersAsync(1);
        var group = await Records.CreateGroupAsync(Tenant, "All");
        var change = new MembershipChange([users[0]], [], false);

        (await Store.Resources.UpdateMembersAsync(Tenant, ScimRecords.NewId(), change, Time.GetUtcNow(), None)).Outcome.Should().Be(StoreWriteOutcome.NotFound);
        (await Store.Resources.UpdateMembersAsync(Tenant, users[0], change, Time.GetUtcNow(), None)).Outcome.Should().Be(StoreWriteOutcome.NotFound);
        (await Store.Resources.UpdateMembersAsync(Tenants.BProduction, group.Id, change, Time.GetUtcNow(), None)).Outcome.Should().Be(StoreWriteOutcome.NotFound);
        (await GroupAsync(group.Id)).Members.Should().BeEmpty();
    }

    [Fact]
    public async Task A_membership_delta_naming_another_tenants_user_is_unknown()
    {
        var stranger = await Records.CreateUserAsync(Tenants.BProduction, "stranger");
        var group = await Records.CreateGroupAsync(Tenant, "All");

        var result = await Store.Resources.UpdateMembersAsync(Tenant, group.Id, new MembershipChange([stranger.Id], [], false), Time.GetUtcNow(), None);

        result.Outcome.Should().Be(StoreWriteOutcome.UnknownMembers);
        result.UnknownMemberIds.Should().Equal(stranger.Id);
    }

    [Fact]
    public async Task Concurrent_membership_deltas_all_apply_and_each_raises_the_version()
    {
        var users = await UsersAsync(40);
        var group = await Records.CreateGroupAsync(Tenant, "All");

        var results = await Task.WhenAll(users.Select(id => Task.Run(() =>
            Store.Resources.UpdateMembersAsync(Tenant, group.Id, new MembershipChange([id], [], false), Time.GetUtcNow(), None))));

        results.Should().OnlyContain(r => r.Outcome == StoreWriteOutcome.Written);
        var read = await GroupAsync(group.Id);
        read.Members.Select(m => m.Value).Should().Equal(users);
        read.Version.Should().Be(41);
    }

    [Fact]
    public async Task A_member_limit_reads_no_members_of_a_group_over_it()
    {
        var users = await UsersAsync(4);
        var big = await Records.CreateGroupAsync(Tenant, "Big", [.. users]);

        var atLimit = await GroupAsync(big.Id, Members(limit: 4));
        var overLimit = await GroupAsync(big.Id, Members(limit: 3));

        atLimit.MembersOverLimit.Should().BeFalse();
        atLimit.Members.Should().HaveCount(4);
        overLimit.MembersOverLimit.Should().BeTrue();
        overLimit.Members.Should().BeEmpty();
    }

    [Fact]
    public async Task A_member_limit_holds_for_the_groups_of_a_query_page_together()
    {
        var users = await UsersAsync(4);
        var first = await Records.CreateGroupAsync(Tenant, "First", users[0], users[1]);
        var second = await Records.CreateGroupAsync(Tenant, "Second", users[2], users[3]);
        ScimQuery Page(int limit) => new(null, null, 1, 10, Members(limit));

        var fits = await Store.Resources.QueryAsync(Tenant, ScimResourceType.Group, Page(4), None);
        var over = await Store.Resources.QueryAsync(Tenant, ScimResourceType.Group, Page(3), None);

        fits.Resources.Should().OnlyContain(r => !r.MembersOverLimit && r.Members.Count == 2);
        over.Resources.Should().OnlyContain(r => r.Members.Count == 0, "a page over the limit is refused whole, so no members are read");
        over.Resources.Single(r => r.MembersOverLimit).Id.Should().Be(second.Id, "the second group takes the sum (in page order) past the limit");
        over.Resources.Single(r => r.Id == first.Id).MembersOverLimit.Should().BeFalse();
    }

    [Fact]
    public async Task A_member_limit_check_reads_no_members()
    {
        var users = await UsersAsync(3);
        var group = await Records.CreateGroupAsync(Tenant, "All", [.. users]);

        var within = await GroupAsync(group.Id, ResourceLoadOptions.MemberLimitCheck(3));
        var over = await GroupAsync(group.Id, ResourceLoadOptions.MemberLimitCheck(2));
        var none = await GroupAsync(group.Id, ResourceLoadOptions.MemberLimitCheck(0));

        within.Should().Match<ScimResourceRecord>(r => !r.MembersOverLimit && r.Members.Count == 0 && r.MemberTotal == null);
        over.Should().Match<ScimResourceRecord>(r => r.MembersOverLimit && r.Members.Count == 0);
        none.MembersOverLimit.Should().BeTrue();
    }

    [Fact]
    public async Task A_member_window_reads_one_page_in_member_id_order_with_the_count()
    {
        var users = await UsersAsync(5);
        var group = await Records.CreateGroupAsync(Tenant, "All", [.. users]);

        var middle = await GroupAsync(group.Id, Members(window: new MemberWindow(1, 2)));
        var tail = await GroupAsync(group.Id, Members(window: new MemberWindow(4, 10)));
        var past = await GroupAsync(group.Id, Members(window: new MemberWindow(9, 10)));
        var countOnly = await GroupAsync(group.Id, Members(window: new MemberWindow(0, 0)));

        middle.Members.Select(m => m.Value).Should().Equal(users[1], users[2]);
        middle.MemberTotal.Should().Be(5);
        middle.Version.Should().Be(1);
        tail.Members.Select(m => m.Value).Should().Equal(users[4]);
        past.Members.Should().BeEmpty();
        past.MemberTotal.Should().Be(5);
        countOnly.Members.Should().BeEmpty();
        countOnly.MemberTotal.Should().Be(5);
    }

    [Fact]
    public async Task A_member_window_shows_members_with_type_and_display()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann", new JsonObject { ["displayName"] = "Ann Smith" });
        var inner = await Records.CreateGroupAsync(Tenant, "Inner");
        var group = await Records.CreateGroupAsync(Tenant, "All", ann.Id, inner.Id);

        var read = await GroupAsync(group.Id, Members(window: new MemberWindow(0, 10)));

        read.Members.Should().BeEquivalentTo(new[]
        {
            new MemberReference(ann.Id, ScimResourceType.User, "Ann Smith"),
            new MemberReference(inner.Id, ScimResourceType.Group, "Inner"),
        });
    }
}
