namespace AutoRfpHex.Core.Credentials;

/// <summary>
/// Stored metadata of a secret key. The clear secret is never stored: only <see cref="Hash"/> of its random part.
/// </summary>
/// <param name="SecretId">The public key id embedded in the secret key (lets a bare key find its record).</param>
/// <param name="Hint">Non-secret display hint, e.g. the key's prefix and last characters.</param>
/// <param name="HashAlgorithm">Names the hashing scheme so it can change later.</param>
/// <param name="ExpiresAt">Hard expiry; also set to the end of the grace period when a newer secret supersedes this one.</param>
public sealed record ClientSecret(
    string SecretId,
    string ClientId,
    string OrganizationId,
    string Name,
    string Hint,
    string Hash,
    string HashAlgorithm,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    public ClientSecretStatus StatusAt(DateTimeOffset now) =>
        RevokedAt is not null ? ClientSecretStatus.Revoked
        : ExpiresAt is { } expiry && expiry <= now ? ClientSecretStatus.Expired
        : ClientSecretStatus.Active;

    public bool IsUsableAt(DateTimeOffset now) => StatusAt(now) == ClientSecretStatus.Active;
}

public enum ClientSecretStatus
{
    Active,
    Expired,
    Revoked,
}
