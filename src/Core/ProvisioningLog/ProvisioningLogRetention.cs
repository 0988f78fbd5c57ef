namespace AutoRfpHex.Core.ProvisioningLog;

/// <summary>
/// How long the provisioning log keeps events, and the pruning that enforces it: the log holds user names and ids of
/// every provisioning request, so it is kept only as long as an admin needs it for troubleshooting and audits.
/// </summary>
public sealed class ProvisioningLogRetention(IProvisioningLog log, TimeProvider clock, TimeSpan retention)
{
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(365);

    public TimeSpan Retention { get; } = retention > TimeSpan.Zero
        ? retention
        : throw new ArgumentOutOfRangeException(nameof(retention), retention, "The provisioning log keeps events for a positive time.");

    /// <returns>How many events were older than the retention and are gone.</returns>
    public Task<long> PruneAsync(CancellationToken cancellationToken) => log.DeleteOlderThanAsync(clock.GetUtcNow() - Retention, cancellationToken);
}
