using AutoRfpHex.Core.Scim.Filtering;

namespace AutoRfpHex.Core.Scim.Resources;

/// <summary>A list query executed inside the store.</summary>
/// <param name="StartIndex">1-based index of the first result.</param>
/// <param name="Count">Page size; 0 returns only the total.</param>
public sealed record ScimQuery(
    FilterNode? Filter,
    SortSpecification? Sort,
    int StartIndex,
    int Count,
    ResourceLoadOptions Load);

public sealed record SortSpecification(AttributePath Path, bool Descending);

public sealed record ScimQueryPage(IReadOnlyList<ScimResourceRecord> Resources, int TotalResults);
