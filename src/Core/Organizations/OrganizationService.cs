using AutoRfpHex.Core.Common;
using AutoRfpHex.Core.Credentials.ScimAuthentication;

namespace AutoRfpHex.Core.Organizations;

/// <summary>The organization settings an admin reads and the SCIM provisioning switch.</summary>
public sealed class OrganizationService(IOrganizationStore organizations, CredentialStateCache credentialState)
{
    public Task<Organization> GetAsync(string organizationId, CancellationToken cancellationToken) =>
        organizations.RequireAsync(organizationId, cancellationToken);

    /// <summary>
    /// Turns SCIM provisioning on or off. Off stops every credential of the organization at once: the SCIM
    /// authenticator and the token endpoint check the switch on every request (other instances within seconds).
    /// </summary>
    public async Task<Organization> SetScimProvisioningAsync(string organizationId, bool enabled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organizationId);
        var updated = await organizations.SetScimEnabledAsync(organizationId, enabled, cancellationToken)
            ?? throw new RequestRejectedException(RejectionKind.NotFound, $"Organization '{organizationId}' does not exist.");
        credentialState.ForgetOrganization(organizationId);
        return updated;
    }
}
