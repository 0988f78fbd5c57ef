namespace AutoRfpHex.Core.Scim.Service;

/// <summary>Server-chosen limits; advertised in <c>/ServiceProviderConfig</c> and enforced by the use cases.</summary>
public sealed record ScimServiceLimits
{
    public static readonly ScimServiceLimits Default = new();

    /// <summary>The largest page a list returns (<c>filter.maxResults</c>); larger <c>count</c> values are clamped to it.</summary>
    public int MaxResults { get; init; } = 1000;

    /// <summary>The page size when the client gives no <c>count</c>.</summary>
    public int DefaultPageSize { get; init; } = 100;

    /// <summary>
    /// The most members one group may show in a response. A read that would show more is refused (400 <c>tooMany</c>)
    /// rather than building a body of millions of members; member paging pages are clamped to it.
    /// </summary>
    public int MaxMembersPerResponse { get; init; } = 10_000;
}
