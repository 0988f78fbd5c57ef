using System.Collections.Concurrent;
using AutoRfpHex.Core.Organizations;

namespace AutoRfpHex.Core.Tests.Fakes;

public sealed class InMemoryOrganizationStore : IOrganizationStore
{
    private readonly ConcurrentDictionary<string, Organization> organizations = new(StringComparer.Ordinal);

    public Task<Organization?> GetAsync(string organizationId, CancellationToken cancellationToken) =>
        Task.FromResult(organizations.GetValueOrDefault(organizationId));

    public Task CreateAsync(Organization organization, CancellationToken cancellationToken)
    {
        if (!organizations.TryAdd(organization.Id, organization))
        {
            throw new OrganizationAlreadyExistsException(organization.Id);
        }

        return Task.CompletedTask;
    }

    public Task<Organization?> SetScimEnabledAsync(string organizationId, bool enabled, CancellationToken cancellationToken)
    {
        if (!organizations.TryGetValue(organizationId, out var current))
        {
            return Task.FromResult<Organization?>(null);
        }

        var updated = current with { ScimEnabled = enabled };
        organizations[organizationId] = updated;
        return Task.FromResult<Organization?>(updated);
    }

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => Task.FromResult(!organizations.IsEmpty);
}
