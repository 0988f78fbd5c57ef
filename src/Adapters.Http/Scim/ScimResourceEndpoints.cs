using AutoRfpHex.Adapters.Http.Logging;
using AutoRfpHex.Core.ProvisioningLog;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Service;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AutoRfpHex.Adapters.Http.Scim;

/// <summary>The shared mapping of Users and Groups requests onto <see cref="ScimResourceService"/>.</summary>
public sealed class ScimResourceEndpoints(ScimResourceService service, ScimRequestContext request)
{
    public async Task<IActionResult> ListAsync(
        ScimResourceType type, string? filter, int? startIndex, int? count, string? sortBy, string? sortOrder,
        string? attributes, string? excludedAttributes, CancellationToken ct)
    {
        var list = await service.ListAsync(
            request.Call(), type, new ScimListRequest(filter, sortBy, sortOrder, startIndex, count, AttributeSelection.FromQuery(attributes, excludedAttributes), Cursor()), ct);
        return ScimResults.Json(list);
    }

    /// <summary>RFC 7644 §3.4.3: the SearchRequest body goes to Core as sent (<see cref="ScimJsonBodyAttribute"/>), like every SCIM body.</summary>
    /// <param name="type">The resource type searched, or null for the root search across Users and Groups.</param>
    public async Task<IActionResult> SearchAsync(ScimResourceType? type, CancellationToken ct)
    {
        var list = type is { } searched
            ? await service.SearchAsync(request.Call(), searched, Body(), ct)
            : await service.SearchAllTypesAsync(request.Call(), Body(), ct);
        return ScimResults.Json(list);
    }

    public async Task<IActionResult> CreateAsync(ScimResourceType type, CancellationToken ct)
    {
        var created = await service.CreateAsync(request.Call(), type, Body(), Selection(), ct);
        return ScimResults.Resource(request.Http.Response, created, StatusCodes.Status201Created);
    }

    /// <param name="memberPage">Group member paging (an AutoRFP extension); null for users and unpaged reads.</param>
    public async Task<IActionResult> GetAsync(
        ScimResourceType type, string id, string? attributes, string? excludedAttributes, string? ifNoneMatch, MemberPageRequest? memberPage, CancellationToken ct)
    {
        var found = await service.GetAsync(request.Call(), type, id, AttributeSelection.FromQuery(attributes, excludedAttributes), memberPage, ct);
        if (ScimResults.ClientHasCurrentVersion(ifNoneMatch, found.ETag))
        {
            request.Http.Response.Headers.ETag = found.ETag;
            return new StatusCodeResult(StatusCodes.Status304NotModified);
        }

        return ScimResults.Resource(request.Http.Response, found);
    }

    public async Task<IActionResult> ReplaceAsync(ScimResourceType type, string id, string? ifMatch, CancellationToken ct) =>
        ScimResults.Resource(request.Http.Response, await service.ReplaceAsync(request.Call(), type, id, Body(), ifMatch, Selection(), ct));

    /// <summary>Core decides whether a body is wanted (<see cref="ScimPatchResponse"/>); without one the answer is 204 with the ETag.</summary>
    public async Task<IActionResult> PatchAsync(ScimResourceType type, string id, string? ifMatch, CancellationToken ct)
    {
        var patched = await service.PatchAsync(request.Call(), type, id, Body(), ifMatch, Selection(), ct);
        if (patched.Body is null)
        {
            request.Http.Response.Headers.ETag = patched.ETag;
            ProvisioningChangeItem.Set(request.Http, patched.Change);
            return new NoContentResult();
        }

        return ScimResults.Resource(
            request.Http.Response, new ScimResourceResponse(patched.Body, patched.Id, patched.ETag, patched.Location) { Change = patched.Change });
    }

    public async Task<IActionResult> DeleteAsync(ScimResourceType type, string id, string? ifMatch, CancellationToken ct)
    {
        await service.DeleteAsync(request.Call(), type, id, ifMatch, ct);
        ProvisioningChangeItem.Set(request.Http, ProvisioningChange.Deleted);
        return new NoContentResult();
    }

    private System.Text.Json.Nodes.JsonObject Body() => ScimJsonBodyAttribute.Of(request.Http);

    /// <summary>
    /// RFC 9865 <c>cursor</c>, read from the query string because an empty one (<c>?cursor</c>, <c>?cursor=</c>) asks for
    /// the first page and model binding turns it into null, as if absent. Repeated values join with commas, which no
    /// cursor holds.
    /// </summary>
    private string? Cursor() => request.Http.Request.Query.TryGetValue("cursor", out var values) ? values.ToString() : null;

    /// <summary>RFC 7644 §3.9: attributes / excludedAttributes also shape the responses of writes.</summary>
    private AttributeSelection Selection()
    {
        var query = request.Http.Request.Query;
        return AttributeSelection.FromQuery(query["attributes"], query["excludedAttributes"]);
    }
}
