using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

internal static class FilterTestSupport
{
    public static string ParseUser(string filter) => FilterRenderer.Render(ScimFilterParser.Parse(filter, ScimResourceType.User));

    public static string ParseGroup(string filter) => FilterRenderer.Render(ScimFilterParser.Parse(filter, ScimResourceType.Group));

    /// <summary>Parses a filter that must be refused, asserts 400 invalidFilter, and returns the detail.</summary>
    public static string RejectedDetail(string filter, ScimResourceType type = ScimResourceType.User)
    {
        var act = () => ScimFilterParser.Parse(filter, type);
        var error = act.Should().ThrowExactly<ScimException>().Which;
        error.Status.Should().Be(400);
        error.ScimType.Should().Be(ScimErrorTypes.InvalidFilter);
        error.Detail.Should().NotBeNullOrWhiteSpace();
        return error.Detail;
    }
}
