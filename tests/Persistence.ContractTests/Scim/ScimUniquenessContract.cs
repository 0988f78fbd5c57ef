using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Persistence.ContractTests.Support;

namespace AutoRfpHex.Persistence.ContractTests.Scim;

/// <summary>
/// userName unique per tenant among users, displayName unique per tenant among groups, both case-insensitive with the
/// Core fold (ToUpperInvariant: Unicode-aware, not only ASCII).
/// </summary>
public abstract class ScimUniquenessContract : PersistenceContract
{
    private static readonly Core.Tenancy.Tenant Tenant = Tenants.AProduction;

    private ScimRecords Records => new(Store, Time);

    [Theory]
    [InlineData("ann@example.com", "ANN@Example.COM")]
    [InlineData("élodie", "ÉLODIE")]
    [InlineData("straße", "STRAßE")]
    [InlineData("ǆemal", "ǄEMAL")]
    public async Task A_userName_differing_only_in_case_is_taken(string first, string second)
    {
        await Records.CreateUserAsync(Tenant, first);

        var result = await Store.Resources.CreateAsync(Tenant, Records.User(second), [], None);

        result.Outcome.Should().Be(StoreWriteOutcome.UniquenessViolation);
        result.ConflictingAttribute.Should().Be("userName");
    }

    [Theory]
    [InlineData("strasse", "straße")] // a collation would equate these; the Core fold does not
    [InlineData("resume", "résumé")]
    [InlineData("ann", "ann\u200B")]
    public async Task A_userName_equal_only_under_a_looser_comparison_than_the_Core_fold_is_a_different_name(string first, string second)
    {
        await Records.CreateUserAsync(Tenant, first);

        (await Store.Resources.CreateAsync(Tenant, Records.User(second), [], None)).Outcome.Should().Be(StoreWriteOutcome.Written);
    }

    [Fact]
    public async Task Different_userNames_and_the_same_userName_in_other_tenants_are_accepted()
    {
        await Records.CreateUserAsync(Tenant, "ann");

        (await Store.Resources.CreateAsync(Tenant, Records.User("anne"), [], None)).Outcome.Should().Be(StoreWriteOutcome.Written);
        foreach (var other in Tenants.OthersThanAProduction)
        {
            (await Store.Resources.CreateAsync(other, Records.User("ANN"), [], None)).Outcome.Should().Be(StoreWriteOutcome.Written);
        }
    }

    [Fact]
    public async Task A_taken_name_is_reported_before_unknown_members_on_create_and_update()
    {
        await Records.CreateGroupAsync(Tenant, "Sales");
        var other = await Records.CreateGroupAsync(Tenant, "Support");

        var created = await Store.Resources.CreateAsync(Tenant, Records.Group("SALES"), ["no-such-member"], None);
        var renamed = await Store.Resources.UpdateAsync(Tenant, Records.NextVersion(other, a => a["displayName"] = "sales"), other.Version,
            new MembershipChange(["no-such-member"], [], false), None);

        created.Outcome.Should().Be(StoreWriteOutcome.UniquenessViolation);
        renamed.Outcome.Should().Be(StoreWriteOutcome.UniquenessViolation);
        renamed.ConflictingAttribute.Should().Be("displayName");
        (await Store.Resources.GetAsync(Tenant, ScimResourceType.Group, other.Id, ResourceLoadOptions.DocumentOnly, None))!.Version.Should().Be(other.Version);
    }

    [Fact]
    public async Task A_group_displayName_differing_only_in_case_is_taken()
    {
        await Records.CreateGroupAsync(Tenant, "Sales Ünit");

        var result = await Store.Resources.CreateAsync(Tenant, Records.Group("sales ünit"), [], None);

        result.Outcome.Should().Be(StoreWriteOutcome.UniquenessViolation);
        result.ConflictingAttribute.Should().Be("displayName");
    }

    [Fact]
    public async Task User_displayNames_may_repeat_and_a_group_may_share_a_users_names()
    {
        await Records.CreateUserAsync(Tenant, "ann", new JsonObject { ["displayName"] = "Ann" });

        (await Store.Resources.CreateAsync(Tenant, Records.User("ann2", new JsonObject { ["displayName"] = "Ann" }), [], None))
            .Outcome.Should().Be(StoreWriteOutcome.Written);
        (await Store.Resources.CreateAsync(Tenant, Records.Group("ann"), [], None)).Outcome.Should().Be(StoreWriteOutcome.Written);
    }

    [Fact]
    public async Task Renaming_to_a_taken_userName_is_refused_and_changes_nothing()
    {
        await Records.CreateUserAsync(Tenant, "ann");
        var bob = await Records.CreateUserAsync(Tenant, "bob");

        var result = await Store.Resources.UpdateAsync(Tenant, Records.NextVersion(bob, a => a["userName"] = "Ann"), 1, null, None);

        result.Outcome.Should().Be(StoreWriteOutcome.UniquenessViolation);
        result.ConflictingAttribute.Should().Be("userName");
        (await Store.Resources.GetAsync(Tenant, ScimResourceType.User, bob.Id, ResourceLoadOptions.DocumentOnly, None))!
            .Attributes["userName"]!.GetValue<string>().Should().Be("bob");
    }

    [Fact]
    public async Task Changing_the_case_of_ones_own_userName_is_accepted()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann");

        var result = await Store.Resources.UpdateAsync(Tenant, Records.NextVersion(ann, a => a["userName"] = "ANN"), 1, null, None);

        result.Outcome.Should().Be(StoreWriteOutcome.Written);
    }

    [Fact]
    public async Task Renaming_a_group_to_a_taken_displayName_is_refused()
    {
        await Records.CreateGroupAsync(Tenant, "Ops");
        var dev = await Records.CreateGroupAsync(Tenant, "Dev");

        var result = await Store.Resources.UpdateAsync(Tenant, Records.NextVersion(dev, a => a["displayName"] = "OPS"), 1, null, None);

        result.Outcome.Should().Be(StoreWriteOutcome.UniquenessViolation);
        result.ConflictingAttribute.Should().Be("displayName");
    }

    [Fact]
    public async Task A_deleted_users_userName_is_free_again()
    {
        var ann = await Records.CreateUserAsync(Tenant, "ann");
        await Store.Resources.DeleteAsync(Tenant, ScimResourceType.User, ann.Id, null, None);

        (await Store.Resources.CreateAsync(Tenant, Records.User("Ann"), [], None)).Outcome.Should().Be(StoreWriteOutcome.Written);
    }
}
