using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace AutoRfpHex.Core.Credentials.SecretKeys;

/// <summary>Client ids: <c>arfp_client_</c> + 20 base62 chars (about 119 random bits), so they cannot be guessed or enumerated.</summary>
public static class OAuthClientIds
{
    public const string Prefix = "arfp_client_";
    public const int RandomLength = 20;

    public static string New() => Prefix + RandomNumberGenerator.GetString(Base62.Alphabet, RandomLength);

    /// <summary>True when <paramref name="clientId"/> has our shape; anything else cannot name a client, so needs no lookup.</summary>
    public static bool IsWellFormed([NotNullWhen(true)] string? clientId) =>
        clientId is not null
        && clientId.Length == Prefix.Length + RandomLength
        && clientId.StartsWith(Prefix, StringComparison.Ordinal)
        && Base62.IsBase62(clientId.AsSpan(Prefix.Length));
}
