namespace AutoRfpHex.Core.Scim.Service;

/// <summary>The query parameters of a list request (RFC 7644 §3.4.2), unvalidated.</summary>
public sealed record ScimListRequest(
    string? Filter,
    string? SortBy,
    string? SortOrder,
    int? StartIndex,
    int? Count,
    AttributeSelection Selection);
