using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Organizations;
using AutoRfpHex.Core.Setup;
using AutoRfpHex.Core.Tenancy;
using AutoRfpHex.Core.Tests.Fakes;

namespace AutoRfpHex.Core.Tests.Setup;

public sealed class FirstRunSetupTests
{
    private readonly InMemoryOrganizationStore organizations = new();
    private readonly InMemoryScimResourceStore resources = new();

    [Fact]
    public async Task An_empty_store_gets_the_demo_organization_and_its_active_Admin_once()
    {
        var setup = new FirstRunSetup(organizations, resources, TimeProvider.System);

        var admin = await setup.EnsureDemoOrganizationAsync(CancellationToken.None);
        var again = await setup.EnsureDemoOrganizationAsync(CancellationToken.None);

        admin.Should().NotBeNull();
        again.Should().BeNull();
        (await resources.ListAsync(new Tenant(FirstRunSetup.DemoOrganizationId, DeploymentEnvironment.Production), AccountRole.Admin, CancellationToken.None))
            .Should().ContainSingle().Which.Id.Should().Be(admin!.UserId);
    }

    [Fact]
    public async Task An_instance_that_loses_the_race_to_create_the_demo_organization_starts_without_creating_anything()
    {
        // Two instances on one empty store both saw it empty; the other one created the organization first.
        await organizations.CreateAsync(new Organization(FirstRunSetup.DemoOrganizationId, "Demo Organization", false, DateTimeOffset.UtcNow), CancellationToken.None);
        var setup = new FirstRunSetup(new SeenEmpty(organizations), resources, TimeProvider.System);

        var admin = await setup.EnsureDemoOrganizationAsync(CancellationToken.None);

        admin.Should().BeNull();
        (await resources.ListAsync(new Tenant(FirstRunSetup.DemoOrganizationId, DeploymentEnvironment.Production), null, CancellationToken.None)).Should().BeEmpty();
    }

    /// <summary>The store as an instance saw it a moment before another instance wrote to it.</summary>
    private sealed class SeenEmpty(IOrganizationStore inner) : IOrganizationStore
    {
        public Task<bool> AnyAsync(CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<Organization?> GetAsync(string organizationId, CancellationToken cancellationToken) => inner.GetAsync(organizationId, cancellationToken);

        public Task CreateAsync(Organization organization, CancellationToken cancellationToken) => inner.CreateAsync(organization, cancellationToken);

        public Task<Organization?> SetScimEnabledAsync(string organizationId, bool enabled, CancellationToken cancellationToken) =>
            inner.SetScimEnabledAsync(organizationId, enabled, cancellationToken);
    }
}
