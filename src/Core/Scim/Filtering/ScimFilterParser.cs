using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Scim.Filtering;

/// <summary>Parses RFC 7644 §3.4.2.2 filters into a <see cref="FilterNode"/> with paths resolved for one resource type.</summary>
public static class ScimFilterParser
{
    /// <exception cref="ScimException">400 <c>invalidFilter</c>, with a detail that points at the problem.</exception>
    public static FilterNode Parse(string filter, ScimResourceType resourceType) =>
        throw ScimException.BadRequest(ScimErrorTypes.InvalidFilter, $"Filtering {resourceType} resources is not available yet: '{filter}'.");
}
