using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Scim.Service;

/// <summary>
/// RFC 9865 cursor paging of the root search, over its order: every matching User, then every matching Group. A root
/// cursor names a searched type and a seek within that type's order (<see cref="ScimCursor.EncodeRoot"/>); the page is
/// made of keyset seeks, one store query per type it reaches, so it costs the same wherever it lies.
/// <list type="bullet">
/// <item>Forward from a position: the rest of its type, then the following types from their start, until the page is
/// full. Backward mirrors it: what precedes the position in its type, then the preceding types from their end. An
/// empty cursor starts forward at the start of the first type.</item>
/// <item><c>nextCursor</c> when anything follows the page's last resource in root order (the rest of its type or a
/// later type's results), <c>previousCursor</c> when anything precedes its first. As in <see cref="ScimListing"/>,
/// an empty page lies at the end it was sought toward and leads back from the other end.</item>
/// <item><c>totalResults</c> is the sum of every type's total: a type the page does not reach is counted, not read.</item>
/// </list>
/// Count and <c>startIndex</c> rules are those of <see cref="ScimListing"/> cursor paging.
/// </summary>
internal static class RootCursorPaging
{
    public static async Task<JsonObject> PageAsync(
        IScimResourceStore store,
        ScimServiceLimits limits,
        ScimCallContext context,
        ScimListRequest request,
        string cursor,
        IReadOnlyList<RootSearch.SearchedType> searched,
        CancellationToken cancellationToken)
    {
        var count = ScimListing.CursorPageSize(limits, request);
        var types = searched.Select(s => s.Type).ToList();
        var digest = ScimCursor.RootQueryDigest(context.Tenant, request.Filter, searched.Select(s => s.Query.Sort));
        var (startType, seek) = cursor.Length == 0 ? (types[0], new ScimSeek(ScimSeekDirection.Forward, null)) : ScimCursor.DecodeRoot(cursor, digest, types);
        var forward = seek.Direction == ScimSeekDirection.Forward;

        var start = types.IndexOf(startType);
        var pages = new ScimQueryPage?[searched.Count];
        var remaining = count;
        for (var i = start; i >= 0 && i < searched.Count && remaining > 0; i += forward ? 1 : -1)
        {
            // Past the cursor's type, a type is read from its start (forward) or its end (backward).
            var typeSeek = seek with { From = i == start ? seek.From : null };
            var page = await store.QueryAsync(context.Tenant, types[i], searched[i].Query with { Count = remaining, Seek = typeSeek }, cancellationToken);
            remaining -= page.Resources.Count;
            pages[i] = page;
        }

        for (var i = 0; i < searched.Count; i++) // the types the page did not reach: their totals only
        {
            pages[i] ??= await store.QueryAsync(context.Tenant, types[i], searched[i].Query with { Count = 0 }, cancellationToken);
        }

        var read = pages.Select(p => p!).ToList();
        var filled = Enumerable.Range(0, read.Count).Where(i => read[i].Resources.Count > 0).ToList();
        var cursors = filled.Count == 0
            ? EmptyPageCursors(read, types, digest, forward)
            : Cursors(read, types, digest, filled[0], filled[^1]);
        var resources = filled.SelectMany(i => ResourcePresenter.Bodies(context, read[i].Resources, searched[i].Projection));
        return ScimListResponse.Create(resources, read.Sum(p => p.TotalResults), cursors);
    }

    /// <param name="first">The type of the page's first resource.</param>
    /// <param name="last">The type of the page's last resource.</param>
    private static List<(string, JsonNode)> Cursors(List<ScimQueryPage> pages, List<ScimResourceType> types, string digest, int first, int last)
    {
        var firstBounds = ScimListing.BoundsOf(pages[first]);
        var lastBounds = ScimListing.BoundsOf(pages[last]);
        List<(string, JsonNode)> cursors = [];
        if (lastBounds.MoreAfter || pages.Skip(last + 1).Any(p => p.TotalResults > 0))
        {
            cursors.Add(("nextCursor", ScimCursor.EncodeRoot(digest, types[last], new ScimSeek(ScimSeekDirection.Forward, lastBounds.Last))));
        }

        if (firstBounds.MoreBefore || pages.Take(first).Any(p => p.TotalResults > 0))
        {
            cursors.Add(("previousCursor", ScimCursor.EncodeRoot(digest, types[first], new ScimSeek(ScimSeekDirection.Backward, firstBounds.First))));
        }

        return cursors;
    }

    /// <summary>Every result lies behind an empty page: from the root's end back, or from its start forward.</summary>
    private static List<(string, JsonNode)> EmptyPageCursors(List<ScimQueryPage> pages, List<ScimResourceType> types, string digest, bool forward)
    {
        if (pages.All(p => p.TotalResults == 0))
        {
            return [];
        }

        return forward
            ? [("previousCursor", ScimCursor.EncodeRoot(digest, types[^1], new ScimSeek(ScimSeekDirection.Backward, null)))]
            : [("nextCursor", ScimCursor.EncodeRoot(digest, types[0], new ScimSeek(ScimSeekDirection.Forward, null)))];
    }
}
