using System.Collections.Concurrent;

namespace AutoRfpHex.Core.Credentials.ScimAuthentication;

/// <summary>
/// A small in-memory cache whose entries live for a fixed time measured by <see cref="TimeProvider"/> (so tests
/// control it). Bounded: when full it drops expired entries, and everything if that is not enough. Losing an
/// entry only costs a reload, so the crude policy is safe.
/// </summary>
public sealed class ExpiringCache<TKey, TValue>(TimeProvider time, TimeSpan lifetime, int maxEntries)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> entries = new();

    public TimeSpan Lifetime { get; } = lifetime > TimeSpan.Zero
        ? lifetime
        : throw new ArgumentOutOfRangeException(nameof(lifetime), "The lifetime must be positive.");

    public int Count => entries.Count;

    public bool TryGet(TKey key, out TValue value)
    {
        if (entries.TryGetValue(key, out var entry))
        {
            if (entry.ExpiresAt > time.GetUtcNow())
            {
                value = entry.Value;
                return true;
            }

            entries.TryRemove(KeyValuePair.Create(key, entry));
        }

        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value)
    {
        if (entries.Count >= maxEntries && !entries.ContainsKey(key))
        {
            MakeRoom();
        }

        entries[key] = new Entry(value, time.GetUtcNow() + Lifetime);
    }

    public void Remove(TKey key) => entries.TryRemove(key, out _);

    private void MakeRoom()
    {
        var now = time.GetUtcNow();
        foreach (var (key, entry) in entries)
        {
            if (entry.ExpiresAt <= now)
            {
                entries.TryRemove(KeyValuePair.Create(key, entry));
            }
        }

        if (entries.Count >= maxEntries)
        {
            entries.Clear();
        }
    }

    private sealed record Entry(TValue Value, DateTimeOffset ExpiresAt);
}
