using AutoRfpHex.Adapters.Http.Logging;
using AutoRfpHex.Adapters.Http.Scim.Generated;
using AutoRfpHex.Core.Scim.Bulk;
using Microsoft.AspNetCore.Mvc;

namespace AutoRfpHex.Adapters.Http.Scim;

/// <summary>
/// <c>POST /scim/v2/Bulk</c> (RFC 7644 §3.7): the BulkRequest goes to Core as sent (<see cref="ScimJsonBodyAttribute"/>);
/// the answer is 200 with each operation's own status. Each operation also gets its own provisioning log entry.
/// </summary>
public sealed class ScimBulkHandler(BulkProcessor processor, ScimRequestContext request, BulkOperationLog log) : IScimBulkController
{
    public async Task<ActionResult<BulkResponse>> ProcessBulkAsync(BulkRequest body, CancellationToken cancellationToken = default)
    {
        var result = await processor.ProcessAsync(request.Call(), ScimJsonBodyAttribute.Of(request.Http), cancellationToken);
        await log.RecordAsync(request.Http, result);
        return new((ActionResult)ScimResults.Json(result.ToResponse()));
    }
}
