namespace AutoRfpHex.Core.Credentials;

/// <summary>What an admin may see of a secret key: never the secret, never its hash.</summary>
/// <param name="Status">At the time of reading: Active, Expired (also when superseded by a newer secret) or Revoked.</param>
public sealed record ClientSecretSummary(
    string SecretId,
    string ClientId,
    string Name,
    string Hint,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt,
    ClientSecretStatus Status)
{
    public static ClientSecretSummary From(ClientSecret secret, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return new ClientSecretSummary(
            secret.SecretId,
            secret.ClientId,
            secret.Name,
            secret.Hint,
            secret.CreatedAt,
            secret.ExpiresAt,
            secret.LastUsedAt,
            secret.RevokedAt,
            secret.StatusAt(now));
    }
}
