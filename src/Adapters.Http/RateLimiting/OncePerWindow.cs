namespace AutoRfpHex.Adapters.Http.RateLimiting;

/// <summary>
/// Says yes to the first report about a key in each interval and no to the rest, so a flood of refused requests
/// leaves one line in a log, not one per request. Bounded: when full it forgets everything, which at worst lets
/// one extra line through per key.
/// </summary>
public sealed class OncePerWindow(TimeProvider time, TimeSpan interval)
{
    private const int MaxEntries = 10_000;

    private readonly Dictionary<string, DateTimeOffset> lastReported = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public bool ShouldReport(string key)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (lastReported.TryGetValue(key, out var previous) && now - previous < interval)
            {
                return false;
            }

            if (lastReported.Count >= MaxEntries)
            {
                lastReported.Clear();
            }

            lastReported[key] = now;
            return true;
        }
    }
}
