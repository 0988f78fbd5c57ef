namespace AutoRfpHex.Core.Scim.Service;

/// <summary>Server-chosen limits; advertised in <c>/ServiceProviderConfig</c> and enforced by the use cases.</summary>
public sealed record ScimServiceLimits
{
    public static readonly ScimServiceLimits Default = new();

    /// <summary>The largest page a list returns (<c>filter.maxResults</c>); larger <c>count</c> values are clamped to it.</summary>
    public int MaxResults { get; init; } = 1000;

    /// <summary>The page size when the client gives no <c>count</c>.</summary>
    public int DefaultPageSize { get; init; } = 100;

    /// <summary>RFC 7644 §3.7.4 <c>bulk.maxOperations</c>: a BulkRequest with more operations is refused whole (413 <c>tooMany</c>).</summary>
    public int BulkMaxOperations { get; init; } = 1000;

    /// <summary>
    /// RFC 7644 §3.7.4 <c>bulk.maxPayloadSize</c> in bytes: a larger BulkRequest body is refused whole (413 <c>tooLarge</c>).
    /// The HTTP edge applies it to <c>/Bulk</c> in place of the general request body limit; the default equals that limit's.
    /// </summary>
    public int BulkMaxPayloadBytes { get; init; } = 1_048_576;

    /// <summary>
    /// The most members one response may show: one group's, or all the groups of a list or search page together. A read
    /// that would show more is refused (400 <c>tooMany</c>) rather than building a body of millions of members, and so is
    /// a write whose answer would, before anything is written; member paging pages are clamped to it.
    /// </summary>
    public int MaxMembersPerResponse { get; init; } = 10_000;
}
