using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Persistence.ContractTests.Support;

namespace AutoRfpHex.Persistence.ContractTests;

/// <summary>IUserAccountStore: roles of the tenant's SCIM users, listed by userName, changed with a version bump.</summary>
public abstract class UserAccountStoreContract : PersistenceContract
{
    private static readonly Core.Tenancy.Tenant Tenant = Tenants.AProduction;

    private ScimRecords Records => new(Store, Time);

    [Fact]
    public async Task Lists_users_by_userName_optionally_only_one_role()
    {
        var cy = await Records.CreateUserAsync(Tenant, "cy", role: AccountRole.Admin);
        var ann = await Records.CreateUserAsync(Tenant, "Ann");
        var bob = await Records.CreateUserAsync(Tenant, "bob", role: AccountRole.Admin);
        await Records.CreateGroupAsync(Tenant, "Admins");

        (await Store.Accounts.ListAsync(Tenant, null, None)).Select(u => u.Id).Should().Equal(ann.Id, bob.Id, cy.Id);
        (await Store.Accounts.ListAsync(Tenant, AccountRole.Admin, None)).Select(u => u.Id).Should().Equal(bob.Id, cy.Id);
        (await Store.Accounts.ListAsync(Tenant, AccountRole.Member, None)).Select(u => u.Id).Should().Equal(ann.Id);
    }

    [Fact]
    public async Task Set_role_bumps_the_version_and_persists()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann");
        var now = Time.Advance(TimeSpan.FromMinutes(5));

        var updated = (await Store.Accounts.SetRoleAsync(Tenant, ann.Id, AccountRole.Admin, None)).Resource;

        updated!.Role.Should().Be(AccountRole.Admin);
        updated.Version.Should().Be(ann.Version + 1);
        updated.LastModified.Should().Be(now);
        updated.Attributes.ShouldEqualJson(ann.Attributes);
        (await Store.Resources.GetAsync(Tenant, ScimResourceType.User, ann.Id, ResourceLoadOptions.DocumentOnly, None))!
            .Role.Should().Be(AccountRole.Admin);
    }

    [Fact]
    public async Task Set_role_of_an_unknown_user_or_of_a_group_is_not_found()
    {
        var group = await Records.CreateGroupAsync(Tenant, "Admins");

        (await Store.Accounts.SetRoleAsync(Tenant, ScimRecords.NewId(), AccountRole.Admin, None)).Outcome.Should().Be(StoreWriteOutcome.NotFound);
        (await Store.Accounts.SetRoleAsync(Tenant, group.Id, AccountRole.Admin, None)).Outcome.Should().Be(StoreWriteOutcome.NotFound);
    }

    [Fact]
    public async Task Integration_users_are_marked()
    {
        var integration = await Records.CreateAsync(Tenant, Records.User("okta-bot", role: AccountRole.Admin) with { IsIntegrationUser = true });

        (await Store.Accounts.ListAsync(Tenant, AccountRole.Admin, None)).Single().IsIntegrationUser.Should().BeTrue();
        integration.IsIntegrationUser.Should().BeTrue();
    }

    [Fact]
    public async Task Accounts_of_one_tenant_are_invisible_and_unchangeable_from_the_others()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann", role: AccountRole.Admin);

        foreach (var other in Tenants.OthersThanAProduction)
        {
            (await Store.Accounts.ListAsync(other, null, None)).Should().BeEmpty();
            (await Store.Accounts.SetRoleAsync(other, ann.Id, AccountRole.Member, None)).Outcome.Should().Be(StoreWriteOutcome.NotFound);
        }

        (await Store.Accounts.ListAsync(Tenant, AccountRole.Admin, None)).Single().Version.Should().Be(1);
    }
}
