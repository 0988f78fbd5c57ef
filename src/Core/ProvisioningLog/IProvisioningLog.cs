namespace AutoRfpHex.Core.ProvisioningLog;

public interface IProvisioningLog
{
    Task AppendAsync(ProvisioningEvent provisioningEvent, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<ProvisioningEventPage> QueryAsync(string organizationId, ProvisioningEventQuery query, CancellationToken cancellationToken);
}

/// <param name="StartIndex">1-based.</param>
public sealed record ProvisioningEventQuery(string? ClientId, ProvisioningOutcome? Outcome, int StartIndex, int Count);

public sealed record ProvisioningEventPage(IReadOnlyList<ProvisioningEvent> Events, int TotalResults);
