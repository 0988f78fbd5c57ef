using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Rendering;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Scim.Service;

/// <summary>
/// RFC 7644 §3.4.3 <c>POST /.search</c> at the SCIM root: one query over Users and Groups, composed of one store query
/// per type, so filtering, sorting and paging still run inside the store.
/// <list type="bullet">
/// <item>Order: every matching User, then every matching Group; within each type the <c>sortBy</c> order, or without it
/// the list default (creation, then id). <c>totalResults</c> is the sum of both totals, and index paging spans the
/// boundary exactly: one page may hold the last users and the first groups.</item>
/// <item>The filter and <c>sortBy</c> may name any attribute of either type (<see cref="PathScope"/>); for the type that
/// lacks it the attribute is unassigned, so <c>userName eq "x"</c> matches no group and sorting groups by
/// <c>userName</c> leaves them in id order. A name neither type defines is 400 as usual.</item>
/// <item><c>attributes</c>/<c>excludedAttributes</c> apply per type; a name the type lacks selects nothing there.</item>
/// <item>Each type is read in its own store snapshot: a write between the two reads shows as it would between two pages.</item>
/// <item><c>cursor</c> (RFC 9865) pages through the same order: see <see cref="RootCursorPaging"/>.</item>
/// </list>
/// Paging defaults and limits are those of <see cref="ScimListing"/>.
/// </summary>
internal static class RootSearch
{
    private static readonly ScimResourceType[] SearchedTypes = [ScimResourceType.User, ScimResourceType.Group];

    public static async Task<JsonObject> SearchAsync(
        IScimResourceStore store, ScimServiceLimits limits, ScimCallContext context, ScimListRequest request, CancellationToken cancellationToken)
    {
        // Every type's filter, sort and projection are checked before the first store call.
        var searched = SearchedTypes.Select(type =>
        {
            var filter = string.IsNullOrWhiteSpace(request.Filter) ? null : ScimFilterParser.Parse(request.Filter, type, SearchedTypes);
            var sort = SortResolver.Resolve(type, request.SortBy, request.SortOrder, SearchedTypes);
            var projection = AttributeProjection.For(type, request.Selection, limits.MaxMembersPerResponse);
            return new SearchedType(type, new ScimQuery(filter, sort, 1, 0, projection.LoadOptions), projection);
        }).ToList();
        return request.Cursor is null
            ? await ByIndexAsync(store, limits, context, request, searched, cancellationToken)
            : await RootCursorPaging.PageAsync(store, limits, context, request, request.Cursor, searched, cancellationToken);
    }

    private static async Task<JsonObject> ByIndexAsync(
        IScimResourceStore store, ScimServiceLimits limits, ScimCallContext context, ScimListRequest request, IReadOnlyList<SearchedType> searched, CancellationToken cancellationToken)
    {
        var (startIndex, count) = ScimListing.IndexWindow(limits, request);
        var skip = startIndex - 1; // of the results still ahead: those of this type and the following ones
        var total = 0;
        var resources = new List<JsonObject>();
        foreach (var (type, query, projection) in searched)
        {
            var wanted = count - resources.Count;
            var page = await store.QueryAsync(context.Tenant, type, query with { StartIndex = skip + 1, Count = wanted }, cancellationToken);
            resources.AddRange(ResourcePresenter.Bodies(context, page.Resources.Take(wanted), projection));
            skip = Math.Max(0, skip - page.TotalResults);
            total += page.TotalResults;
        }

        return ScimListResponse.Create(resources, total, [("startIndex", startIndex)]);
    }

    /// <summary>One searched type, in root order: its store query (filter, sort, load; paging left to the caller) and projection.</summary>
    public sealed record SearchedType(ScimResourceType Type, ScimQuery Query, AttributeProjection Projection);
}
