using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Scim.Service;

/// <summary>
/// RFC 7644 §3.4.2.3 <c>sortBy</c>/<c>sortOrder</c>. The path is resolved by the shared filter parser (same grammar as
/// filters; a multi-valued attribute sorts by its primary, else first, value); the stores order as
/// <see cref="ScimSortComparer"/> says.
/// </summary>
internal static class SortResolver
{
    /// <exception cref="ScimException">400 <c>invalidValue</c> for an unknown or unsortable path or an unknown order.</exception>
    /// <param name="searchedTypes">As for <see cref="ScimFilterParser.ParseAttributePath"/>: the root search's types.</param>
    public static SortSpecification? Resolve(ScimResourceType type, string? sortBy, string? sortOrder, IReadOnlyList<ScimResourceType>? searchedTypes = null)
    {
        // Checked even without sortBy, as the GET parameter's type checks it: a wrong value is never silently ignored.
        var descending = sortOrder?.Trim().ToLowerInvariant() switch
        {
            null or "" or "ascending" => false,
            "descending" => true,
            _ => throw ScimException.BadRequest(ScimErrorTypes.InvalidValue, $"sortOrder must be 'ascending' or 'descending', not '{sortOrder}'."),
        };

        if (string.IsNullOrWhiteSpace(sortBy))
        {
            return null;
        }

        return new SortSpecification(ScimFilterParser.ParseAttributePath(sortBy, type, searchedTypes), descending);
    }
}
