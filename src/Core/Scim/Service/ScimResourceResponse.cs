using System.Text.Json.Nodes;
using AutoRfpHex.Core.ProvisioningLog;

namespace AutoRfpHex.Core.Scim.Service;

/// <summary>A resource as the HTTP edge returns it.</summary>
/// <param name="Body">The projected resource representation.</param>
/// <param name="ETag">The weak entity tag of the stored version, <c>W/"3"</c>; also in <c>meta.version</c>.</param>
/// <param name="Location">The resource URL (the <c>Location</c> header of a 201, <c>meta.location</c>).</param>
public sealed record ScimResourceResponse(JsonObject Body, string Id, string ETag, string Location)
{
    /// <summary>What the write did, for the provisioning log; null for reads.</summary>
    public ProvisioningChange? Change { get; init; }
}
