namespace AutoRfpHex.Core.Organizations;

/// <summary>
/// <see cref="IOrganizationStore.CreateAsync"/> found the id taken. Its own type because one caller expects it: instances
/// starting together on an empty store all try to create the demo organization, and all but one lose that race.
/// </summary>
public sealed class OrganizationAlreadyExistsException(string organizationId)
    : InvalidOperationException($"An organization with id '{organizationId}' already exists.")
{
    public string OrganizationId { get; } = organizationId;
}
