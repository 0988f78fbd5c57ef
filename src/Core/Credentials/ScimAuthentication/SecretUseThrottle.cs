using System.Collections.Concurrent;

namespace AutoRfpHex.Core.Credentials.ScimAuthentication;

/// <summary>
/// Limits "last used" writes to about one a minute per secret, so a SCIM burst does not become a write per call.
/// Per process; several instances may each write once a minute, which is harmless.
/// </summary>
public sealed class SecretUseThrottle
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> lastRecorded = new();

    /// <summary>True when a use at <paramref name="now"/> should be written; claims the slot for this minute.</summary>
    public bool ShouldRecord(ClientSecret secret, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.LastUsedAt is { } stored && now - stored < Interval)
        {
            return false;
        }

        if (lastRecorded.TryGetValue(secret.SecretId, out var previous) && now - previous < Interval)
        {
            return false;
        }

        if (lastRecorded.Count >= MaxEntries)
        {
            lastRecorded.Clear();
        }

        lastRecorded[secret.SecretId] = now;
        return true;
    }
}
