using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Adapters.Http.Logging;

/// <summary>
/// Who made a SCIM call or token request, as far as the credential identified them, even when it was refused.
/// Set on the HttpContext by authentication so the provisioning log can attribute the call to an organization.
/// </summary>
public sealed record ProvisioningCaller(string OrganizationId, DeploymentEnvironment? Environment, string? ClientId, string? ImpersonatedUserId)
{
    public static readonly object Key = new();
}

public static class ProvisioningCallers
{
    public static ProvisioningCaller Of(Core.Credentials.OAuthClient client) =>
        new(client.OrganizationId, client.Environment, client.ClientId, client.ImpersonatedUserId);
}
