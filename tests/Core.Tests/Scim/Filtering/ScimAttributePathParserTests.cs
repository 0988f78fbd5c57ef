using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

public sealed class ScimAttributePathParserTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Theory]
    [InlineData("userName", null, "userName", null)]
    [InlineData("NAME.FAMILYNAME", null, "name", "familyName")]
    [InlineData(" name.givenName ", null, "name", "givenName")]
    [InlineData("emails", null, "emails", "value")]
    [InlineData("emails.type", null, "emails", "type")]
    [InlineData("meta.lastModified", null, "meta", "lastModified")]
    [InlineData("id", null, "id", null)]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:userName", null, "userName", null)]
    [InlineData(Enterprise + ":manager", Enterprise, "manager", "value")]
    [InlineData(Enterprise + ":EMPLOYEENUMBER", Enterprise, "employeeNumber", null)]
    public void SortBy_uses_the_filter_path_grammar_and_canonical_names(string sortBy, string? urn, string attribute, string? sub) =>
        ScimFilterParser.ParseAttributePath(sortBy, ScimResourceType.User).Should().Be(new AttributePath(urn, attribute, sub));

    [Theory]
    [InlineData("", ScimResourceType.User, "sortBy must name one attribute path")]
    [InlineData("   ", ScimResourceType.User, "sortBy must name one attribute path")]
    [InlineData("shoeSize", ScimResourceType.User, "Unknown attribute 'shoeSize' in sortBy for User resources")]
    [InlineData("name", ScimResourceType.User, "'name' in sortBy is a complex attribute: name one of its sub-attributes")]
    [InlineData("meta", ScimResourceType.User, "is a complex attribute")]
    [InlineData("userName eq \"x\"", ScimResourceType.User, "Invalid attribute path 'userName eq \"x\"' in sortBy")]
    [InlineData("emails[type eq \"work\"].value", ScimResourceType.User, "Invalid attribute path")]
    [InlineData("password", ScimResourceType.User, "cannot be queried")]
    [InlineData("groups.display", ScimResourceType.User, "Cannot sort by 'groups.display': memberships have neither order nor a primary value")]
    [InlineData("members", ScimResourceType.Group, "Cannot sort by 'members'")]
    [InlineData("urn:example:x:1.0:User:level", ScimResourceType.User, "Unknown schema 'urn:example:x:1.0:User' in 'urn:example:x:1.0:User:level' in sortBy")]
    public void An_invalid_sortBy_is_400_invalidValue(string sortBy, ScimResourceType type, string detail)
    {
        var act = () => ScimFilterParser.ParseAttributePath(sortBy, type);

        var error = act.Should().ThrowExactly<ScimException>().Which;
        error.Status.Should().Be(400);
        error.ScimType.Should().Be(ScimErrorTypes.InvalidValue);
        error.Detail.Should().Contain(detail);
    }
}
