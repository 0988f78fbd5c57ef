namespace AutoRfpHex.Core.Scim.Service;

/// <summary>The query parameters of a list request (RFC 7644 §3.4.2), unvalidated.</summary>
/// <param name="Cursor">RFC 9865: null when the client sent no <c>cursor</c>; empty for the first page of a cursor-paged query.</param>
public sealed record ScimListRequest(
    string? Filter,
    string? SortBy,
    string? SortOrder,
    int? StartIndex,
    int? Count,
    AttributeSelection Selection,
    string? Cursor = null);
