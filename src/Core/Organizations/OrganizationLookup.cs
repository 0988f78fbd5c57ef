using AutoRfpHex.Core.Common;

namespace AutoRfpHex.Core.Organizations;

/// <summary>The organization checks every admin use case starts with.</summary>
internal static class OrganizationLookup
{
    public const string ScimOffDetail =
        "SCIM provisioning is turned off for this organization; turn it on before managing credentials.";

    public static async Task<Organization> RequireAsync(this IOrganizationStore store, string organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organizationId);
        return await store.GetAsync(organizationId, cancellationToken)
            ?? throw new RequestRejectedException(RejectionKind.NotFound, $"Organization '{organizationId}' does not exist.");
    }

    /// <summary>Creating credentials needs SCIM on: a credential made while it is off could not be tested anyway.</summary>
    public static async Task<Organization> RequireScimEnabledAsync(this IOrganizationStore store, string organizationId, CancellationToken cancellationToken)
    {
        var organization = await store.RequireAsync(organizationId, cancellationToken);
        return organization.ScimEnabled
            ? organization
            : throw new RequestRejectedException(RejectionKind.Conflict, ScimOffDetail);
    }
}
