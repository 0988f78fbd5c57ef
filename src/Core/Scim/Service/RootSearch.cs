using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Rendering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;

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
/// <item><c>cursor</c> (RFC 9865) is refused for now: a cursor would have to span both stores' orders.</item>
/// </list>
/// Paging defaults and limits are those of <see cref="ScimListing"/>.
/// </summary>
internal static class RootSearch
{
    private static readonly ScimResourceType[] SearchedTypes = [ScimResourceType.User, ScimResourceType.Group];

    public static async Task<JsonObject> SearchAsync(
        IScimResourceStore store, ScimServiceLimits limits, ScimCallContext context, ScimListRequest request, CancellationToken cancellationToken)
    {
        if (request.Cursor is not null)
        {
            throw ScimException.BadRequest(
                ScimErrorTypes.InvalidValue,
                "Cursor paging is not supported at the root (POST /.search) yet: page with startIndex and count, or search /Users/.search and /Groups/.search.");
        }

        // Every type's filter, sort and projection are checked before the first store call.
        var queries = SearchedTypes.Select(type => (
            Type: type,
            Filter: string.IsNullOrWhiteSpace(request.Filter) ? null : ScimFilterParser.Parse(request.Filter, type, SearchedTypes),
            Sort: SortResolver.Resolve(type, request.SortBy, request.SortOrder, SearchedTypes),
            Projection: AttributeProjection.For(type, request.Selection))).ToList();
        var startIndex = Math.Max(1, request.StartIndex ?? 1);
        var count = Math.Clamp(request.Count ?? limits.DefaultPageSize, 0, limits.MaxResults);

        var skip = startIndex - 1; // of the results still ahead: those of this type and the following ones
        var total = 0;
        var resources = new JsonArray();
        foreach (var (type, filter, sort, projection) in queries)
        {
            var wanted = count - resources.Count;
            var page = await store.QueryAsync(context.Tenant, type, new ScimQuery(filter, sort, skip + 1, wanted, projection.LoadOptions), cancellationToken);
            foreach (var record in page.Resources.Take(wanted))
            {
                resources.Add(ResourcePresenter.Body(context, record, projection));
            }

            skip = Math.Max(0, skip - page.TotalResults);
            total += page.TotalResults;
        }

        return new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemaUris.ListResponse),
            ["totalResults"] = total,
            ["itemsPerPage"] = resources.Count,
            ["startIndex"] = startIndex,
            ["Resources"] = resources,
        };
    }
}
