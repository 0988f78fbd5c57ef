using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Persistence.ContractTests.Support;

namespace AutoRfpHex.Persistence.ContractTests.Scim;

/// <summary>
/// <see cref="IScimResourceStore.UpdateAsync"/> of a write that changes nothing (a re-sent PUT, an If-Match PATCH re-adding a
/// member): nothing is written, the outcome is Written with the stored record at its old version and lastModified, so
/// re-sends never move the ETag. Anything that does change (the document or one membership) raises it as the caller set.
/// </summary>
public abstract class UnchangedUpdateContract : PersistenceContract
{
    private static readonly Core.Tenancy.Tenant Tenant = Tenants.AProduction;

    private ScimRecords Records => new(Store, Time);

    private async Task<ScimResourceRecord> StoredAsync(ScimResourceRecord record) =>
        (await Store.Resources.GetAsync(Tenant, record.Type, record.Id, ResourceLoadOptions.Full, None))!;

    [Fact]
    public async Task The_same_document_and_member_set_again_keeps_the_version_and_last_modified()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann");
        var group = await Records.CreateGroupAsync(Tenant, "All", ann.Id);

        var result = await Store.Resources.UpdateAsync(Tenant, Records.NextVersion(group), group.Version, MembershipChange.Replace([ann.Id]), None);

        result.Outcome.Should().Be(StoreWriteOutcome.Written);
        result.Resource!.Version.Should().Be(group.Version);
        result.Resource.LastModified.Should().Be(group.LastModified);
        var stored = await StoredAsync(group);
        stored.Version.Should().Be(group.Version);
        stored.LastModified.Should().Be(group.LastModified);
        stored.Members.Select(m => m.Value).Should().Equal(ann.Id);
    }

    [Fact]
    public async Task Re_adding_a_member_or_removing_a_non_member_with_the_same_document_keeps_the_version()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann");
        var bob = await Records.CreateUserAsync(Tenant, "bob");
        var group = await Records.CreateGroupAsync(Tenant, "All", ann.Id);

        var result = await Store.Resources.UpdateAsync(Tenant, Records.NextVersion(group), group.Version, new MembershipChange([ann.Id], [bob.Id], false), None);

        result.Resource!.Version.Should().Be(group.Version);
        (await StoredAsync(group)).Version.Should().Be(group.Version);
    }

    [Fact]
    public async Task The_same_user_document_without_membership_change_keeps_the_version()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann");

        var result = await Store.Resources.UpdateAsync(Tenant, Records.NextVersion(ann), ann.Version, null, None);

        result.Resource!.Version.Should().Be(ann.Version);
        (await StoredAsync(ann)).LastModified.Should().Be(ann.LastModified);
    }

    [Fact]
    public async Task One_membership_changed_with_the_same_document_raises_the_version()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann");
        var bob = await Records.CreateUserAsync(Tenant, "bob");
        var group = await Records.CreateGroupAsync(Tenant, "All", ann.Id);
        var next = Records.NextVersion(group);

        var result = await Store.Resources.UpdateAsync(Tenant, next, group.Version, MembershipChange.Replace([ann.Id, bob.Id]), None);

        result.Resource!.Version.Should().Be(next.Version);
        var stored = await StoredAsync(group);
        stored.Version.Should().Be(next.Version);
        stored.LastModified.Should().Be(next.LastModified);
    }

    [Fact]
    public async Task A_changed_document_with_no_membership_change_raises_the_version()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann");
        var group = await Records.CreateGroupAsync(Tenant, "All", ann.Id);
        var next = Records.NextVersion(group, a => a["displayName"] = "Everyone");

        var result = await Store.Resources.UpdateAsync(Tenant, next, group.Version, MembershipChange.Replace([ann.Id]), None);

        result.Resource!.Version.Should().Be(next.Version);
        (await StoredAsync(group)).Attributes["displayName"]!.GetValue<string>().Should().Be("Everyone");
    }

    [Fact]
    public async Task A_stale_version_is_still_a_mismatch_even_when_nothing_would_change()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann");
        var group = await Records.CreateGroupAsync(Tenant, "All", ann.Id);

        var result = await Store.Resources.UpdateAsync(Tenant, Records.NextVersion(group), group.Version + 5, MembershipChange.Replace([ann.Id]), None);

        result.Outcome.Should().Be(StoreWriteOutcome.VersionMismatch);
    }
}
