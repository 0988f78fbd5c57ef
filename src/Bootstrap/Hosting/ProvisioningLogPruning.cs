using AutoRfpHex.Core.ProvisioningLog;

namespace AutoRfpHex.Bootstrap.Hosting;

/// <summary>
/// Removes provisioning events older than the retention: once at start, then every interval. Every instance runs it; a
/// second instance pruning the same store finds nothing left to remove. A failed round is logged and retried next time.
/// </summary>
public sealed class ProvisioningLogPruning(ProvisioningLogRetention retention, TimeSpan interval, TimeProvider time, ILogger<ProvisioningLogPruning> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                var removed = await retention.PruneAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Removed {Count} provisioning events older than {Days:0.##} days.", removed, retention.Retention.TotalDays);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Pruning the provisioning log failed; it is tried again in {Interval}.", interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
