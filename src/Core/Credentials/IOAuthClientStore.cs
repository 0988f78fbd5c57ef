namespace AutoRfpHex.Core.Credentials;

public interface IOAuthClientStore
{
    Task CreateAsync(OAuthClient client, CancellationToken cancellationToken);

    /// <summary>Finds a client by id alone: the token endpoint and the SCIM credentials know no organization yet.</summary>
    Task<OAuthClient?> FindAsync(string clientId, CancellationToken cancellationToken);

    Task<IReadOnlyList<OAuthClient>> ListAsync(string organizationId, CancellationToken cancellationToken);

    /// <summary>Deletes the client and all its secrets. False when the organization has no such client.</summary>
    Task<bool> DeleteAsync(string organizationId, string clientId, CancellationToken cancellationToken);
}
