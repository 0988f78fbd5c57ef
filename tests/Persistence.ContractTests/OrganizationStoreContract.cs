using AutoRfpHex.Core.Organizations;
using AutoRfpHex.Persistence.ContractTests.Support;

namespace AutoRfpHex.Persistence.ContractTests;

public abstract class OrganizationStoreContract : PersistenceContract
{
    [Fact]
    public async Task An_empty_store_has_no_organization()
    {
        (await Store.Organizations.AnyAsync(None)).Should().BeFalse();
        (await Store.Organizations.GetAsync("org-a", None)).Should().BeNull();
    }

    [Fact]
    public async Task A_created_organization_reads_back()
    {
        var organization = new Organization("org-a", "Acme Ünited", false, Time.GetUtcNow());

        await Store.Organizations.CreateAsync(organization, None);

        (await Store.Organizations.GetAsync("org-a", None)).Should().Be(organization);
        (await Store.Organizations.AnyAsync(None)).Should().BeTrue();
    }

    [Fact]
    public async Task Creating_a_taken_id_is_refused_as_already_existing_and_keeps_the_first()
    {
        var first = new Organization("org-a", "First", false, Time.GetUtcNow());
        await Store.Organizations.CreateAsync(first, None);

        var again = async () => await Store.Organizations.CreateAsync(new Organization("org-a", "Second", true, Time.GetUtcNow()), None);

        (await again.Should().ThrowAsync<OrganizationAlreadyExistsException>()).Which.OrganizationId.Should().Be("org-a");
        (await Store.Organizations.GetAsync("org-a", None)).Should().Be(first);
    }

    [Fact]
    public async Task The_scim_switch_changes_only_that_organization()
    {
        await Store.Organizations.CreateAsync(new Organization("org-a", "A", false, Time.GetUtcNow()), None);
        await Store.Organizations.CreateAsync(new Organization("org-b", "B", false, Time.GetUtcNow()), None);

        var enabled = await Store.Organizations.SetScimEnabledAsync("org-a", true, None);

        enabled!.ScimEnabled.Should().BeTrue();
        (await Store.Organizations.GetAsync("org-a", None))!.ScimEnabled.Should().BeTrue();
        (await Store.Organizations.GetAsync("org-b", None))!.ScimEnabled.Should().BeFalse();
        (await Store.Organizations.SetScimEnabledAsync("org-a", false, None))!.ScimEnabled.Should().BeFalse();
    }

    [Fact]
    public async Task The_scim_switch_of_an_unknown_organization_is_null()
    {
        (await Store.Organizations.SetScimEnabledAsync("nobody", true, None)).Should().BeNull();
        (await Store.Organizations.AnyAsync(None)).Should().BeFalse();
    }
}
