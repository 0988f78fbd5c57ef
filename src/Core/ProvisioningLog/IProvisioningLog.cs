namespace AutoRfpHex.Core.ProvisioningLog;

public interface IProvisioningLog
{
    Task AppendAsync(ProvisioningEvent provisioningEvent, CancellationToken cancellationToken);

    /// <summary>Several events in one write (a bulk request's operations), kept in the order given.</summary>
    Task AppendAllAsync(IReadOnlyList<ProvisioningEvent> provisioningEvents, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<ProvisioningEventPage> QueryAsync(string organizationId, ProvisioningEventQuery query, CancellationToken cancellationToken);

    /// <summary>Removes the events of every organization that happened before <paramref name="cutoff"/> (retention).</summary>
    /// <returns>How many were removed.</returns>
    Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

/// <param name="StartIndex">1-based.</param>
public sealed record ProvisioningEventQuery(string? ClientId, ProvisioningOutcome? Outcome, int StartIndex, int Count);

public sealed record ProvisioningEventPage(IReadOnlyList<ProvisioningEvent> Events, int TotalResults);
