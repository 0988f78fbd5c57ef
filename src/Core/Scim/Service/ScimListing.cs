using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Rendering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Service;

/// <summary>
/// RFC 7644 §3.4.2 list queries. Paging: <c>startIndex</c> defaults to 1 and values below 1 count as 1; <c>count</c>
/// defaults to <see cref="ScimServiceLimits.DefaultPageSize"/>, negative counts as 0 (only the total), and is
/// clamped to <see cref="ScimServiceLimits.MaxResults"/>. The ListResponse always carries <c>totalResults</c>,
/// <c>itemsPerPage</c>, <c>startIndex</c> as numbers and <c>Resources</c>, even when empty.
/// </summary>
internal static class ScimListing
{
    public static async Task<JsonObject> ListAsync(
        IScimResourceStore store, ScimServiceLimits limits, ScimCallContext context, ScimResourceType type, ScimListRequest request, CancellationToken cancellationToken)
    {
        var filter = string.IsNullOrWhiteSpace(request.Filter) ? null : ScimFilterParser.Parse(request.Filter, type);
        var sort = SortResolver.Resolve(type, request.SortBy, request.SortOrder);
        var startIndex = Math.Max(1, request.StartIndex ?? 1);
        var count = Math.Clamp(request.Count ?? limits.DefaultPageSize, 0, limits.MaxResults);
        var projection = AttributeProjection.For(type, request.Selection);

        var page = await store.QueryAsync(context.Tenant, type, new ScimQuery(filter, sort, startIndex, count, projection.LoadOptions), cancellationToken);
        var resources = new JsonArray();
        foreach (var record in page.Resources.Take(count))
        {
            resources.Add(ResourcePresenter.Body(context, record, projection));
        }

        return new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemaUris.ListResponse),
            ["totalResults"] = page.TotalResults,
            ["itemsPerPage"] = resources.Count,
            ["startIndex"] = startIndex,
            ["Resources"] = resources,
        };
    }
}
