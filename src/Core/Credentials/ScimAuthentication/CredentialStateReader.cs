using AutoRfpHex.Core.Organizations;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Credentials.ScimAuthentication;

/// <summary>Reads the state behind a SCIM credential through the short-lived <see cref="CredentialStateCache"/>.</summary>
public sealed class CredentialStateReader(
    IOAuthClientStore clients,
    IClientSecretStore secrets,
    IOrganizationStore organizations,
    IScimResourceStore resources,
    CredentialStateCache cache)
{
    public Task<OAuthClient?> FindClientAsync(string clientId, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(CredentialStateCache.ClientKey(clientId), ct => clients.FindAsync(clientId, ct), cancellationToken);

    public Task<ClientSecret?> FindSecretAsync(string secretId, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(CredentialStateCache.SecretKey(secretId), ct => secrets.FindAsync(secretId, ct), cancellationToken);

    public Task<Organization?> FindOrganizationAsync(string organizationId, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(CredentialStateCache.OrganizationKey(organizationId), ct => organizations.GetAsync(organizationId, ct), cancellationToken);

    /// <summary>A user account: always in the organization's Production tenant, whatever the client's environment.</summary>
    public Task<ScimResourceRecord?> FindUserAsync(string organizationId, string userId, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(
            CredentialStateCache.UserKey(organizationId, userId),
            ct => resources.GetAsync(new Tenant(organizationId, DeploymentEnvironment.Production), ScimResourceType.User, userId, ResourceLoadOptions.DocumentOnly, ct),
            cancellationToken);
}
