using System.Globalization;

namespace AutoRfpHex.Core.Credentials;

/// <summary>Says in words why a secret is not usable, for logs and for callers that proved they hold it.</summary>
internal static class SecretStates
{
    public static string Describe(ClientSecret secret, DateTimeOffset now) => secret.StatusAt(now) switch
    {
        ClientSecretStatus.Revoked => $"the secret key '{secret.Name}' ({secret.Hint}) was revoked at {Format(secret.RevokedAt)}",
        ClientSecretStatus.Expired => $"the secret key '{secret.Name}' ({secret.Hint}) expired at {Format(secret.ExpiresAt)}",
        _ => $"the secret key '{secret.Name}' ({secret.Hint}) is active",
    };

    private static string Format(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "an unknown time";
}
