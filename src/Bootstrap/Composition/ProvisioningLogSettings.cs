using AutoRfpHex.Adapters.Mongo;

namespace AutoRfpHex.Bootstrap.Composition;

/// <summary>
/// <c>ProvisioningLog:RetentionDays</c> (how long events are kept, on either store) and
/// <c>ProvisioningLog:PruneIntervalSeconds</c> (how often older ones are removed; also once at start).
/// </summary>
public static class ProvisioningLogSettings
{
    public const string RetentionDays = "ProvisioningLog:RetentionDays";
    public const string PruneIntervalSeconds = "ProvisioningLog:PruneIntervalSeconds";

    /// <exception cref="InvalidOperationException">A retention MongoDB's TTL index could not hold, or an interval below 1 s.</exception>
    public static (TimeSpan Retention, TimeSpan PruneInterval) Read(IConfiguration configuration)
    {
        var days = configuration.GetValue(RetentionDays, 365.0);
        var maxDays = MongoStorageOptions.MaxProvisioningLogRetention.TotalDays;
        if (!(days * 86_400 >= 1) || days > maxDays)
        {
            // The same bound on both stores, so moving to MongoDB never changes how long events are kept.
            throw new InvalidOperationException($"{RetentionDays} must be from 1 second to {Math.Floor(maxDays):0} days (MongoDB's TTL limit), not {days}.");
        }

        var seconds = configuration.GetValue(PruneIntervalSeconds, 3600.0);
        if (!(seconds >= 1))
        {
            throw new InvalidOperationException($"{PruneIntervalSeconds} must be 1 or more, not {seconds}.");
        }

        return (TimeSpan.FromDays(days), TimeSpan.FromSeconds(seconds));
    }
}
