namespace AutoRfpHex.Core.Credentials;

public interface IClientSecretStore
{
    /// <summary>
    /// Stores <paramref name="secret"/> and, in the same transaction, makes every other usable secret of the client
    /// expire at <paramref name="previousSecretsExpireAt"/> (now, or the end of a grace period). A secret that already
    /// expires sooner keeps its own expiry: superseding never extends a secret's life.
    /// </summary>
    Task CreateAsync(ClientSecret secret, DateTimeOffset previousSecretsExpireAt, CancellationToken cancellationToken);

    Task<ClientSecret?> FindAsync(string secretId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ClientSecret>> ListAsync(string organizationId, string clientId, CancellationToken cancellationToken);

    /// <returns>The revoked secret, or null when the client of that organization has no such secret.
    /// Revoking an already revoked secret keeps its first revocation time.</returns>
    Task<ClientSecret?> RevokeAsync(string organizationId, string clientId, string secretId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Sets the last-used time (callers throttle this to about once a minute per secret).</summary>
    Task RecordUseAsync(string secretId, DateTimeOffset at, CancellationToken cancellationToken);
}
