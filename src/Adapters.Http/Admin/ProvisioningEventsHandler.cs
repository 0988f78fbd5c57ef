using AutoRfpHex.Adapters.Http.Admin.Generated;
using AutoRfpHex.Core.Common;
using IProvisioningLog = AutoRfpHex.Core.ProvisioningLog.IProvisioningLog;
using ProvisioningEventQuery = AutoRfpHex.Core.ProvisioningLog.ProvisioningEventQuery;
using Microsoft.AspNetCore.Mvc;

namespace AutoRfpHex.Adapters.Http.Admin;

public sealed class ProvisioningEventsHandler(IProvisioningLog log, AdminCaller caller) : IProvisioningEventsController
{
    public const int MaxPageSize = 200;

    public async Task<ActionResult<ProvisioningEventPage>> ListProvisioningEventsAsync(string? clientId, EventOutcome? outcome, int startIndex, int count, CancellationToken cancellationToken = default)
    {
        if (startIndex < 1 || count < 1 || count > MaxPageSize)
        {
            throw new RequestRejectedException(RejectionKind.Invalid, $"startIndex must be 1 or more and count between 1 and {MaxPageSize}.");
        }

        var page = await log.QueryAsync(
            caller.OrganizationId,
            new ProvisioningEventQuery(clientId, outcome is { } o ? AdminMapping.ToCore(o) : null, startIndex, count),
            cancellationToken);
        return new ProvisioningEventPage
        {
            TotalResults = page.TotalResults,
            StartIndex = startIndex,
            ItemsPerPage = page.Events.Count,
            Events = page.Events.Select(AdminMapping.ToDto).ToList(),
        };
    }
}
