namespace AutoRfpHex.Core.Organizations;

public interface IOrganizationStore
{
    Task<Organization?> GetAsync(string organizationId, CancellationToken cancellationToken);

    /// <exception cref="OrganizationAlreadyExistsException">The id is taken; nothing is changed.</exception>
    Task CreateAsync(Organization organization, CancellationToken cancellationToken);

    /// <returns>The updated organization, or null when it does not exist.</returns>
    Task<Organization?> SetScimEnabledAsync(string organizationId, bool enabled, CancellationToken cancellationToken);

    Task<bool> AnyAsync(CancellationToken cancellationToken);
}
