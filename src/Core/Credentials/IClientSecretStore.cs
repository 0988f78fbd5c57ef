namespace AutoRfpHex.Core.Credentials;

public interface IClientSecretStore
{
    /// <summary>
    /// Stores <paramref name="secret"/> and, in the same transaction, makes every other usable secret of the client
    /// expire at <paramref name="previousSecretsExpireAt"/> (now, or the end of a grace period).
    /// </summary>
    Task CreateAsync(ClientSecret secret, DateTimeOffset previousSecretsExpireAt, CancellationToken cancellationToken);

    Task<ClientSecret?> FindAsync(string secretId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ClientSecret>> ListAsync(string organizationId, string clientId, CancellationToken cancellationToken);

    /// <returns>The revoked secret, or null when the client of that organization has no such secret.</returns>
    Task<ClientSecret?> RevokeAsync(string organizationId, string clientId, string secretId, DateTimeOffset at, CancellationToken cancellationToken);

    Task RecordUseAsync(string secretId, DateTimeOffset at, CancellationToken cancellationToken);
}
