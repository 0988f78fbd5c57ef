using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Credentials;

/// <summary>An integration credential holder: an identity provider's connection to one tenant.</summary>
/// <param name="ImpersonatedUserId">The production user account every SCIM call of this client runs as.</param>
public sealed record OAuthClient(
    string ClientId,
    string OrganizationId,
    string Name,
    DeploymentEnvironment Environment,
    string ImpersonatedUserId,
    DateTimeOffset CreatedAt)
{
    public Tenant Tenant => new(OrganizationId, Environment);
}
