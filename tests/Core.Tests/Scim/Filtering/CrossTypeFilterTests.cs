using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

/// <summary>
/// Filters and sortBy of a search over several types (the root <c>/.search</c>): a name another searched type defines
/// is valid and type-checked against that type, and names an attribute the resolved type never holds.
/// </summary>
public sealed class CrossTypeFilterTests
{
    private const string UserUrn = ScimSchemaUris.User, GroupUrn = ScimSchemaUris.Group, Enterprise = ScimSchemaUris.EnterpriseUser;
    private static readonly ScimResourceType[] Both = [ScimResourceType.User, ScimResourceType.Group];

    private static readonly ScimResourceRecord Group = TestRecords.Group("""
        { "id": "g-eng", "displayName": "Engineering", "externalId": "x-1",
          "members": [ { "value": "u-alice", "display": "Alice", "type": "User" } ] }
        """);

    private static string Render(string filter, ScimResourceType type) => FilterRenderer.Render(ScimFilterParser.Parse(filter, type, Both));

    [Theory]
    [InlineData("userName eq \"x\"", ScimResourceType.Group, "{" + UserUrn + ":userName eq \"x\"}")]
    [InlineData("USERNAME pr", ScimResourceType.Group, "{" + UserUrn + ":userName pr}")]
    [InlineData("emails[type eq \"work\"]", ScimResourceType.Group, UserUrn + ":emails[{" + UserUrn + ":emails.type eq \"work\"}]")]
    [InlineData("name.familyName sw \"A\"", ScimResourceType.Group, "{" + UserUrn + ":name.familyName sw \"A\"}")]
    [InlineData("groups.value eq \"g\"", ScimResourceType.Group, "{" + UserUrn + ":groups.value eq \"g\"}")]
    [InlineData(Enterprise + ":employeeNumber eq \"7\"", ScimResourceType.Group, "{" + Enterprise + ":employeeNumber eq \"7\"}")]
    [InlineData("members eq \"u\"", ScimResourceType.User, "{" + GroupUrn + ":members.value eq \"u\"}")]
    [InlineData("members[type eq \"User\"].display co \"a\"", ScimResourceType.User,
        GroupUrn + ":members[(and {" + GroupUrn + ":members.type eq \"User\"} {" + GroupUrn + ":members.display co \"a\"})]")]
    [InlineData(GroupUrn + ":displayName eq \"x\"", ScimResourceType.User, "{" + GroupUrn + ":displayName eq \"x\"}")]
    [InlineData(GroupUrn + ":displayName eq \"x\"", ScimResourceType.Group, "{displayName eq \"x\"}")]
    [InlineData(UserUrn + ":displayName eq \"x\"", ScimResourceType.User, "{displayName eq \"x\"}")]
    [InlineData("displayName eq \"x\" and externalId pr and meta.resourceType eq \"User\"", ScimResourceType.Group,
        "(and (and {displayName eq \"x\"} {externalId pr}) {meta.resourceType eq \"User\"})")]
    public void A_name_only_another_searched_type_defines_gets_a_schema_the_type_lacks(string filter, ScimResourceType type, string expected) =>
        Render(filter, type).Should().Be(expected);

    [Fact]
    public void Names_the_type_defines_resolve_exactly_as_in_a_search_of_that_type_alone()
    {
        const string filter = "displayName eq \"x\" or members[value eq \"1\"] or id pr";

        Render(filter, ScimResourceType.Group).Should().Be(FilterTestSupport.ParseGroup(filter));
    }

    [Fact]
    public void Without_other_searched_types_a_name_of_another_type_is_still_unknown()
    {
        FilterTestSupport.RejectedDetail("userName eq \"x\"", ScimResourceType.Group).Should().Be("Unknown attribute 'userName' at position 0 for Group resources.");
    }

    [Theory]
    [InlineData("nickname2 eq \"x\"", "Unknown attribute 'nickname2' at position 0 for User or Group resources.")]
    [InlineData("employeeNumber eq \"x\"", "Unknown attribute 'employeeNumber' at position 0 for User or Group resources. Extension attributes need their schema URN: '" + Enterprise + ":employeeNumber'.")]
    [InlineData("members.$ref eq \"x\"", "'members.$ref' at position 0 cannot be queried")]
    [InlineData("groups[type eq \"direct\"]", "'groups.type' at position 7 cannot be queried")]
    [InlineData("members.value gt 5", "'gt' on 'members.value' (a string attribute) needs a string")]
    [InlineData("urn:example:1.0:Thing:x eq 1", "Unknown schema 'urn:example:1.0:Thing' in 'urn:example:1.0:Thing:x' at position 0: User or Group resources have the schemas")]
    [InlineData(GroupUrn + " pr", "'" + GroupUrn + "' at position 0 names a schema, not an attribute")]
    public void A_name_no_searched_type_defines_or_a_value_its_type_refuses_is_invalidFilter(string filter, string detail)
    {
        foreach (var type in Both)
        {
            var act = () => ScimFilterParser.Parse(filter, type, Both);

            var error = act.Should().ThrowExactly<ScimException>().Which;
            error.ScimType.Should().Be(ScimErrorTypes.InvalidFilter);
            error.Detail.Should().StartWith(detail);
        }
    }

    [Theory]
    [InlineData("userName eq \"Engineering\"", false)]
    [InlineData("userName ne \"Engineering\"", true)]
    [InlineData("userName pr", false)]
    [InlineData("not (userName pr)", true)]
    [InlineData("userName eq null", true)]
    [InlineData("emails[value co \"x\"]", false)]
    [InlineData("not (emails[value co \"x\"])", true)]
    [InlineData("groups.value eq \"g-eng\"", false)]
    [InlineData(Enterprise + ":employeeNumber pr", false)]
    [InlineData("members.value eq \"u-alice\"", true)]
    [InlineData("displayName eq \"engineering\" and not (active pr)", true)]
    public void The_evaluator_treats_another_types_attribute_as_unassigned_on_a_group(string filter, bool matches) =>
        ScimFilterEvaluator.Matches(ScimFilterParser.Parse(filter, ScimResourceType.Group, Both), Group).Should().Be(matches);

    [Theory]
    [InlineData("members.value eq \"g-eng\"", false)]
    [InlineData("members pr", false)]
    [InlineData("not (members pr)", true)]
    [InlineData(GroupUrn + ":displayName pr", false)]
    [InlineData("displayName pr", true)]
    [InlineData("userName sw \"alice\"", true)]
    public void The_evaluator_treats_another_types_attribute_as_unassigned_on_a_user(string filter, bool matches) =>
        ScimFilterEvaluator.Matches(ScimFilterParser.Parse(filter, ScimResourceType.User, Both), EvaluatorFixtures.Alice).Should().Be(matches);

    [Theory]
    [InlineData("userName", ScimResourceType.Group, UserUrn, "userName", null)]
    [InlineData("emails", ScimResourceType.Group, UserUrn, "emails", "value")]
    [InlineData(Enterprise + ":manager", ScimResourceType.Group, Enterprise, "manager", "value")]
    [InlineData("displayName", ScimResourceType.Group, null, "displayName", null)]
    [InlineData(GroupUrn + ":displayName", ScimResourceType.User, GroupUrn, "displayName", null)]
    public void SortBy_follows_the_same_rule_and_the_type_lacking_the_key_has_none(string sortBy, ScimResourceType type, string? urn, string attribute, string? sub)
    {
        var path = ScimFilterParser.ParseAttributePath(sortBy, type, Both);

        path.Should().Be(new AttributePath(urn, attribute, sub));
        var record = type == ScimResourceType.Group ? Group : EvaluatorFixtures.Alice;
        (ScimSortComparer.SortKey(record, path) is null).Should().Be(urn is not null, "a key of another type is absent");
    }

    [Theory]
    [InlineData("members")]
    [InlineData("groups.display")]
    [InlineData("shoeSize")]
    public void SortBy_refusals_hold_for_every_searched_type(string sortBy)
    {
        foreach (var type in Both)
        {
            var act = () => ScimFilterParser.ParseAttributePath(sortBy, type, Both);

            act.Should().ThrowExactly<ScimException>().Which.ScimType.Should().Be(ScimErrorTypes.InvalidValue);
        }
    }
}
