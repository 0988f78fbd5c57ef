using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Rendering;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Scim.Service;

/// <summary>
/// RFC 7644 §3.4.2 list queries, paged by index (the default) or, when the request has a cursor, by RFC 9865 cursor.
/// The ListResponse always carries <c>totalResults</c> and <c>itemsPerPage</c> as numbers and <c>Resources</c>, even
/// when empty.
/// <para>Index paging: <c>startIndex</c> defaults to 1 and values below 1 count as 1; <c>count</c> defaults to
/// <see cref="ScimServiceLimits.DefaultPageSize"/>, negative counts as 0 (only the total), and is clamped to
/// <see cref="ScimServiceLimits.MaxResults"/>. The response has <c>startIndex</c>.</para>
/// <para>Cursor paging: an empty cursor asks for the first page; <c>count</c> defaults the same way, is clamped the same
/// way, but below 1 is 400 <c>invalidCount</c> (a page of nothing cannot advance). <c>startIndex</c> with a cursor is
/// 400 <c>invalidValue</c>. The response has <c>nextCursor</c> unless nothing follows, <c>previousCursor</c> unless
/// nothing precedes, and no <c>startIndex</c>.</para>
/// </summary>
internal static class ScimListing
{
    public static async Task<JsonObject> ListAsync(
        IScimResourceStore store, ScimServiceLimits limits, ScimCallContext context, ScimResourceType type, ScimListRequest request, CancellationToken cancellationToken)
    {
        var filter = string.IsNullOrWhiteSpace(request.Filter) ? null : ScimFilterParser.Parse(request.Filter, type);
        var sort = SortResolver.Resolve(type, request.SortBy, request.SortOrder);
        var projection = AttributeProjection.For(type, request.Selection, limits.MaxMembersPerResponse);
        var query = new ScimQuery(filter, sort, 1, 0, projection.LoadOptions);
        return request.Cursor is null ? await ByIndexAsync() : await ByCursorAsync(request.Cursor);

        async Task<JsonObject> ByIndexAsync()
        {
            var (startIndex, count) = IndexWindow(limits, request);
            var page = await store.QueryAsync(context.Tenant, type, query with { StartIndex = startIndex, Count = count }, cancellationToken);
            return ScimListResponse.Create(ResourcePresenter.Bodies(context, page.Resources.Take(count), projection), page.TotalResults, [("startIndex", startIndex)]);
        }

        async Task<JsonObject> ByCursorAsync(string cursor)
        {
            var count = CursorPageSize(limits, request);
            var digest = ScimCursor.QueryDigest(context.Tenant, type, request.Filter, sort);
            var seek = cursor.Length == 0 ? new ScimSeek(ScimSeekDirection.Forward, null) : ScimCursor.Decode(cursor, digest);
            var page = await store.QueryAsync(context.Tenant, type, query with { Count = count, Seek = seek }, cancellationToken);
            var bounds = BoundsOf(page);
            List<(string, JsonNode)> cursors = [];
            if (bounds.MoreAfter)
            {
                cursors.Add(("nextCursor", ScimCursor.Encode(digest, new ScimSeek(ScimSeekDirection.Forward, bounds.Last))));
            }

            if (bounds.MoreBefore)
            {
                cursors.Add(("previousCursor", ScimCursor.Encode(digest, new ScimSeek(ScimSeekDirection.Backward, bounds.First))));
            }

            return ScimListResponse.Create(ResourcePresenter.Bodies(context, page.Resources.Take(count), projection), page.TotalResults, cursors);
        }
    }

    /// <summary>Index paging's <c>startIndex</c> and <c>count</c>, as the class summary says.</summary>
    public static (int StartIndex, int Count) IndexWindow(ScimServiceLimits limits, ScimListRequest request) =>
        (Math.Max(1, request.StartIndex ?? 1), Math.Clamp(request.Count ?? limits.DefaultPageSize, 0, limits.MaxResults));

    /// <summary>Cursor paging's <c>count</c>, as the class summary says.</summary>
    /// <exception cref="ScimException">400 when the request also has <c>startIndex</c> or a count below 1.</exception>
    public static int CursorPageSize(ScimServiceLimits limits, ScimListRequest request)
    {
        if (request.StartIndex is not null)
        {
            throw ScimException.BadRequest(
                ScimErrorTypes.InvalidValue, "startIndex and cursor cannot be combined: page by index (startIndex) or by cursor, not both.");
        }

        var count = request.Count ?? limits.DefaultPageSize;
        return count >= 1
            ? Math.Min(count, limits.MaxResults)
            : throw ScimException.BadRequest(
                ScimErrorTypes.InvalidCount, $"With cursor paging, count must be at least 1 (values above {limits.MaxResults} are lowered to it); it was {count}.");
    }

    public static ScimPageBounds BoundsOf(ScimQueryPage soughtPage) =>
        soughtPage.Bounds ?? throw new InvalidOperationException("The store answered a seek without the page's bounds.");
}
