using System.Text.Json.Nodes;
using AutoRfpHex.Core.ProvisioningLog;

namespace AutoRfpHex.Core.Scim.Service;

/// <summary>
/// The answer to a PATCH. RFC 7644 §3.5.2 lets a server answer 204 No Content: a group's PATCH does unless the client
/// names <c>attributes</c> or <c>excludedAttributes</c>, since echoing a group means reading all of its members, which
/// for a group of a million costs far more than the edit. A user's PATCH always has its body (Okta reads it).
/// </summary>
/// <param name="Body">The projected resource (200), or null when the client wants none (204).</param>
/// <param name="ETag">The weak entity tag of the version written.</param>
public sealed record ScimPatchResponse(string Id, string ETag, string Location, JsonObject? Body)
{
    /// <summary>What the PATCH did, for the provisioning log.</summary>
    public ProvisioningChange? Change { get; init; }

    internal static ScimPatchResponse From(ScimResourceResponse resource) => new(resource.Id, resource.ETag, resource.Location, resource.Body);
}
