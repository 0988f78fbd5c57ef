using AutoRfpHex.Core.ProvisioningLog;
using AutoRfpHex.Core.Scim.Bulk;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AutoRfpHex.Adapters.Http.Logging;

/// <summary>
/// One provisioning log entry per processed bulk operation, besides the entry the middleware writes for the
/// <c>POST /Bulk</c> call itself (200 whatever the operations did). An admin asking "why was this user not created"
/// finds the operation's own status, resource and error detail, and failed operations show under <c>outcome=failure</c>.
/// Operations read <c>Bulk PATCH /Groups/{id}</c>, so they group like, but are told apart from, single calls.
/// </summary>
public sealed partial class BulkOperationLog(IProvisioningLog log, TimeProvider clock, ILogger<BulkOperationLog> logger)
{
    public async Task RecordAsync(HttpContext http, BulkResult result)
    {
        foreach (var operation in result.Operations)
        {
            if (operation.Unexpected is { } unexpected)
            {
                LogUnexpected(logger, operation.Index + 1, unexpected);
            }
        }

        if (http.Items[ProvisioningCaller.Key] is ProvisioningCaller caller && result.Operations.Count > 0)
        {
            // One write for the whole bulk: a thousand operations must not cost a thousand log transactions.
            await AppendAsync([.. result.Operations.Select(operation => Event(caller, operation))]);
        }
    }

    private ProvisioningEvent Event(ProvisioningCaller caller, BulkOperationResult operation) => new(
        Guid.NewGuid().ToString("N"),
        clock.GetUtcNow(),
        caller.OrganizationId,
        caller.Environment,
        caller.ClientId,
        caller.ImpersonatedUserId,
        $"Bulk {operation.Method ?? "?"} {operation.PathTemplate ?? "?"}",
        operation.ResourceType?.ToString(),
        operation.ResourceId,
        operation.Succeeded ? ProvisioningOutcome.Success : ProvisioningOutcome.Failure,
        operation.Status,
        operation.Error?.Detail,
        operation.Change);

    private async Task AppendAsync(IReadOnlyList<ProvisioningEvent> provisioningEvents)
    {
        try
        {
            await log.AppendAllAsync(provisioningEvents, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The operations are done; a log write failure must not change the answer the client gets about them.
            LogWriteFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in bulk operation {Number}")]
    private static partial void LogUnexpected(ILogger logger, int number, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write a provisioning log event for a bulk operation")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception);
}
