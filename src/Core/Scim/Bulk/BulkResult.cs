using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Bulk;

/// <summary>
/// The outcome of a BulkRequest: the operations that were processed, in request order (each names its method and,
/// for a POST, its bulkId). Operations left after <c>failOnErrors</c> was reached were not processed and are not listed.
/// </summary>
public sealed record BulkResult(IReadOnlyList<BulkOperationResult> Operations, int NotProcessed)
{
    public int Failed => Operations.Count(o => !o.Succeeded);

    /// <summary>The BulkResponse body (answered with 200 whatever the operations' statuses).</summary>
    public JsonObject ToResponse() => new()
    {
        ["schemas"] = new JsonArray(ScimSchemaUris.BulkResponse),
        ["Operations"] = new JsonArray([.. Operations.Select(o => (JsonNode)o.ToJson())]),
    };
}
