using AutoRfpHex.Core.Scim.Filtering;

namespace AutoRfpHex.Core.Scim.Resources;

/// <summary>A list query executed inside the store.</summary>
/// <param name="StartIndex">1-based index of the first result; ignored when <paramref name="Seek"/> is set.</param>
/// <param name="Count">Page size; 0 returns only the total.</param>
/// <param name="Seek">Keyset paging (RFC 9865 cursors): the page starts right after, or ends right before, a position
/// instead of at <paramref name="StartIndex"/>; the store then reports the page's <see cref="ScimQueryPage.Bounds"/>.</param>
public sealed record ScimQuery(
    FilterNode? Filter,
    SortSpecification? Sort,
    int StartIndex,
    int Count,
    ResourceLoadOptions Load,
    ScimSeek? Seek = null);

public sealed record SortSpecification(AttributePath Path, bool Descending);

/// <param name="Bounds">Set when the query had a <see cref="ScimQuery.Seek"/>.</param>
public sealed record ScimQueryPage(IReadOnlyList<ScimResourceRecord> Resources, int TotalResults, ScimPageBounds? Bounds = null);
