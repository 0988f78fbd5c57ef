using AutoRfpHex.Core.Scim.Paths;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Service;

/// <summary>
/// RFC 7644 §3.4.2.3 <c>sortBy</c>/<c>sortOrder</c>: resolves the attribute with the catalog path resolver (until the
/// shared filter work offers its own). The stores order the results; a multi-valued attribute sorts by its
/// primary (or first) value, as the RFC says.
/// </summary>
internal static class SortResolver
{
    public static SortSpecification? Resolve(ScimResourceType type, string? sortBy, string? sortOrder)
    {
        if (string.IsNullOrWhiteSpace(sortBy))
        {
            return null;
        }

        var descending = sortOrder?.Trim().ToLowerInvariant() switch
        {
            null or "" or "ascending" => false,
            "descending" => true,
            _ => throw ScimException.BadRequest(ScimErrorTypes.InvalidValue, $"sortOrder must be 'ascending' or 'descending', not '{sortOrder}'."),
        };

        ScimPath? path;
        try
        {
            path = ScimPathParser.Parse(type, sortBy);
        }
        catch (ScimException e)
        {
            throw ScimException.BadRequest(ScimErrorTypes.InvalidValue, $"sortBy '{sortBy}' cannot be used: {e.Detail}");
        }

        if (path is null || path.ValueFilter is not null || path is { SubAttribute: null, Attribute: { Type: ScimAttributeType.Complex, MultiValued: false } })
        {
            throw ScimException.BadRequest(ScimErrorTypes.InvalidValue, $"sortBy '{sortBy}' must name a simple attribute or sub-attribute of {type} resources, e.g. 'name.familyName'.");
        }

        return new SortSpecification(path.ToAttributePath(), descending);
    }
}
