using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Persistence.ContractTests.Support;

namespace AutoRfpHex.Persistence.ContractTests.Scim;

/// <summary>
/// The store itself keeps an organization's last active Admin (in its Production tenant), so that concurrent
/// deactivations or deletions of the last two Admins cannot both succeed after each saw the other still active.
/// </summary>
public abstract class ActiveAdminContract : PersistenceContract
{
    private static readonly Core.Tenancy.Tenant Tenant = Tenants.AProduction;

    private ScimRecords Records => new(Store, Time);

    private ScimResourceRecord Deactivated(ScimResourceRecord user) => Records.NextVersion(user, a => a["active"] = false);

    [Fact]
    public async Task The_last_active_admin_can_be_neither_deactivated_nor_deleted()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann", role: AccountRole.Admin);
        var bob = await Records.CreateUserAsync(Tenant, "bob", role: AccountRole.Admin);

        (await Store.Resources.UpdateAsync(Tenant, Deactivated(ann), ann.Version, null, None)).Outcome.Should().Be(StoreWriteOutcome.Written);
        (await Store.Resources.UpdateAsync(Tenant, Deactivated(bob), bob.Version, null, None)).Outcome.Should().Be(StoreWriteOutcome.LastActiveAdmin);
        (await Store.Resources.DeleteAsync(Tenant, ScimResourceType.User, bob.Id, null, None)).Should().BeFalse();

        var kept = await Store.Resources.GetAsync(Tenant, ScimResourceType.User, bob.Id, ResourceLoadOptions.DocumentOnly, None);
        kept!.Version.Should().Be(bob.Version, "the refused write left bob as he was");
        (await Store.Resources.DeleteAsync(Tenant, ScimResourceType.User, ann.Id, null, None)).Should().BeTrue("an inactive Admin may go");
    }

    [Fact]
    public async Task Racing_removals_of_the_last_two_admins_leave_one()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann", role: AccountRole.Admin);
        var bob = await Records.CreateUserAsync(Tenant, "bob", role: AccountRole.Admin);

        var outcomes = await Task.WhenAll(
            Task.Run(async () => (await Store.Resources.UpdateAsync(Tenant, Deactivated(ann), ann.Version, null, None)).Outcome == StoreWriteOutcome.Written),
            Task.Run(() => Store.Resources.DeleteAsync(Tenant, ScimResourceType.User, bob.Id, null, None)));

        outcomes.Count(removed => removed).Should().Be(1);
        var admins = await Store.Accounts.ListAsync(Tenant, AccountRole.Admin, None);
        admins.Select(UserAccount.From).Count(a => a.IsActiveAdmin).Should().Be(1);
    }

    [Fact]
    public async Task Demoting_the_last_active_admin_is_refused_and_races_a_deactivation_safely()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann", role: AccountRole.Admin);
        var bob = await Records.CreateUserAsync(Tenant, "bob", role: AccountRole.Admin);

        var outcomes = await Task.WhenAll(
            Task.Run(async () => (await Store.Accounts.SetRoleAsync(Tenant, ann.Id, AccountRole.Member, None)).Outcome),
            Task.Run(async () => (await Store.Resources.UpdateAsync(Tenant, Deactivated(bob), bob.Version, null, None)).Outcome));

        outcomes.Should().BeEquivalentTo([StoreWriteOutcome.Written, StoreWriteOutcome.LastActiveAdmin]);
        var admins = await Store.Accounts.ListAsync(Tenant, AccountRole.Admin, None);
        admins.Select(UserAccount.From).Count(a => a.IsActiveAdmin).Should().Be(1);
    }

    [Fact]
    public async Task Members_and_other_tenants_are_not_held_back()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann", role: AccountRole.Admin);
        var cy = await Records.CreateUserAsync(Tenant, "cy");
        var sandboxAdmin = await Records.CreateUserAsync(Tenants.ASandbox, "sam", role: AccountRole.Admin);

        (await Store.Resources.UpdateAsync(Tenant, Deactivated(cy), cy.Version, null, None)).Outcome.Should().Be(StoreWriteOutcome.Written);
        (await Store.Resources.DeleteAsync(Tenants.ASandbox, ScimResourceType.User, sandboxAdmin.Id, null, None)).Should().BeTrue(
            "AutoRFP accounts are the Production tenant's users");
        (await Store.Resources.UpdateAsync(Tenant, Records.NextVersion(ann, a => a["title"] = "Boss"), ann.Version, null, None)).Outcome
            .Should().Be(StoreWriteOutcome.Written, "a change that keeps the Admin active is not a removal");
    }
}
