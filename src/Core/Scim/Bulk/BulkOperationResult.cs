using System.Globalization;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.ProvisioningLog;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Scim.Bulk;

/// <summary>
/// What one bulk operation did (RFC 7644 §3.7.3): its status, and for a success the resource's <c>location</c> and
/// <c>version</c>; for a failure the SCIM error in <c>response</c>. Also what the provisioning log records of it.
/// </summary>
/// <param name="Index">0-based position in the request.</param>
/// <param name="Method">POST, PUT, PATCH or DELETE, or the unknown method as sent; null when none was sent.</param>
/// <param name="PathTemplate"><c>/Users</c>, <c>/Groups/{id}</c>...; null when the operation's path could not be read.</param>
/// <param name="ResourceId">The resource written or meant (a bulkId resolved to the id), when known.</param>
/// <param name="Version">The ETag after the write (<c>W/"2"</c>); none after a DELETE or a failure.</param>
/// <param name="Error">The refusal of a failed operation.</param>
/// <param name="Unexpected">An exception that was not a SCIM refusal (a 500 for this operation), for the edge to log.</param>
public sealed record BulkOperationResult(
    int Index,
    string? Method,
    string? BulkId,
    string? PathTemplate,
    ScimResourceType? ResourceType,
    string? ResourceId,
    string? Location,
    string? Version,
    int Status,
    ScimException? Error = null,
    Exception? Unexpected = null)
{
    public bool Succeeded => Error is null;

    /// <summary>What a successful operation did to the resource, for the provisioning log.</summary>
    public ProvisioningChange? Change { get; init; }

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        Add(json, "method", Method);
        Add(json, "bulkId", BulkId);
        Add(json, "version", Version);
        Add(json, "location", Location);
        json["status"] = Status.ToString(CultureInfo.InvariantCulture);
        if (Error is not null)
        {
            json["response"] = ScimErrorBody.Of(Error);
        }

        return json;
    }

    private static void Add(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
