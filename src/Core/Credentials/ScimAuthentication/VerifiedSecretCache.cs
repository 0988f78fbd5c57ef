using System.Security.Cryptography;
using System.Text;

namespace AutoRfpHex.Core.Credentials.ScimAuthentication;

/// <summary>
/// Remembers, for a few minutes, that a presented secret key matched a stored hash, so that BCrypt (150 ms on
/// purpose) runs once per key and not on each SCIM call of Okta's direct modes (25 calls/s per tenant).
/// Entries are keyed by HMAC-SHA256 of the presented secret under a random per-process key, so the cache never
/// holds a secret or anything that verifies one elsewhere. An entry only says "this string is the secret of record
/// X with hash H": every hit still re-checks the record's current state, so revocation needs no eviction.
/// </summary>
public sealed class VerifiedSecretCache(TimeProvider time, TimeSpan? lifetime = null)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);

    private const int MaxEntries = 10_000;

    private readonly byte[] hmacKey = RandomNumberGenerator.GetBytes(32);
    private readonly ExpiringCache<string, VerifiedSecret> entries = new(time, lifetime ?? DefaultLifetime, MaxEntries);

    public TimeSpan Lifetime => entries.Lifetime;

    /// <returns>True when <paramref name="presentedSecret"/> was verified against <paramref name="stored"/>'s current hash.</returns>
    public bool IsKnownMatch(string presentedSecret, ClientSecret stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return entries.TryGet(Fingerprint(presentedSecret), out var entry)
            && entry.SecretId == stored.SecretId
            && entry.Hash == stored.Hash;
    }

    public void RememberMatch(string presentedSecret, ClientSecret stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        entries.Set(Fingerprint(presentedSecret), new VerifiedSecret(stored.SecretId, stored.Hash));
    }

    private string Fingerprint(string presentedSecret)
    {
        ArgumentNullException.ThrowIfNull(presentedSecret);
        return Convert.ToBase64String(HMACSHA256.HashData(hmacKey, Encoding.UTF8.GetBytes(presentedSecret)));
    }

    private sealed record VerifiedSecret(string SecretId, string Hash);
}
