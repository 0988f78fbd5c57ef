using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using static AutoRfpHex.Core.Tests.Scim.Filtering.FilterTestSupport;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

public sealed class ScimFilterParserValuePathTests
{
    [Fact]
    public void A_value_path_holds_full_paths_of_the_outer_attribute()
    {
        var filter = ScimFilterParser.Parse("emails[type eq \"work\" and primary eq true]", ScimResourceType.User);

        var valuePath = filter.Should().BeOfType<ValuePathFilter>().Subject;
        valuePath.Path.Should().Be(new AttributePath(null, "emails"));
        var and = valuePath.Filter.Should().BeOfType<AndFilter>().Subject;
        and.Left.Should().Be(new ComparisonFilter(new AttributePath(null, "emails", "type"), ComparisonOperator.Equal, and.Left.As<ComparisonFilter>().Value));
        and.Right.As<ComparisonFilter>().Path.Should().Be(new AttributePath(null, "emails", "primary"));
    }

    [Theory]
    [InlineData("emails[type eq \"work\"]", "emails[{emails.type eq \"work\"}]")]
    [InlineData("emails[TYPE eq \"work\" AND Primary eq true]", "emails[(and {emails.type eq \"work\"} {emails.primary eq true})]")]
    [InlineData("emails[type eq \"work\" or not (value ew \".org\")]", "emails[(or {emails.type eq \"work\"} (not {emails.value ew \".org\"}))]")]
    [InlineData("emails[(type eq \"work\" or type eq \"home\") and primary eq true]",
        "emails[(and (or {emails.type eq \"work\"} {emails.type eq \"home\"}) {emails.primary eq true})]")]
    [InlineData("addresses[postalCode sw \"10\" and country eq \"US\"]", "addresses[(and {addresses.postalCode sw \"10\"} {addresses.country eq \"US\"})]")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:emails[value pr]", "emails[{emails.value pr}]")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager[value eq \"m\"]",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager[{urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"m\"}]")]
    [InlineData("userName eq \"a\" or emails[value ew \"@x.com\"] and active eq true",
        "(or {userName eq \"a\"} (and emails[{emails.value ew \"@x.com\"}] {active eq true}))")]
    [InlineData("not (emails[type eq \"work\"])", "(not emails[{emails.type eq \"work\"}])")]
    public void Value_paths_take_any_filter_over_sub_attributes(string filter, string tree) =>
        ParseUser(filter).Should().Be(tree);

    [Theory]
    [InlineData("emails[type eq \"work\"].value eq \"x\"", "emails[(and {emails.type eq \"work\"} {emails.value eq \"x\"})]")]
    [InlineData("emails[type eq \"work\"].value pr", "emails[(and {emails.type eq \"work\"} {emails.value pr})]")]
    [InlineData("emails[type eq \"work\"].Value co \"@x\" and active eq true",
        "(and emails[(and {emails.type eq \"work\"} {emails.value co \"@x\"})] {active eq true})")]
    [InlineData("addresses[type eq \"work\"].streetAddress eq \"1 Main St\"",
        "addresses[(and {addresses.type eq \"work\"} {addresses.streetAddress eq \"1 Main St\"})]")]
    public void Entras_value_path_with_a_sub_attribute_means_both_conditions_on_the_same_element(string filter, string tree) =>
        ParseUser(filter).Should().Be(tree);

    [Theory]
    [InlineData("name[givenName eq \"Alice\" and familyName pr]", "name[(and {name.givenName eq \"Alice\"} {name.familyName pr})]")]
    [InlineData("name[givenName sw \"A\"].familyName eq \"Smith\"", "name[(and {name.givenName sw \"A\"} {name.familyName eq \"Smith\"})]")]
    public void A_single_valued_complex_attribute_takes_a_value_path_as_one_element(string filter, string tree) =>
        ParseUser(filter).Should().Be(tree);

    [Fact]
    public void Group_members_take_value_paths() =>
        ParseGroup("members[value eq \"u1\"]").Should().Be("members[{members.value eq \"u1\"}]");

    [Theory]
    [InlineData("emails[type[value eq \"x\"]]", "Nested value filter at position 11")]
    [InlineData("emails[type eq \"work\" and phoneNumbers[type eq \"x\"]]", "Nested value filter at position 38")]
    [InlineData("emails[emails.type eq \"work\"]", "Invalid name 'emails.type' at position 7: inside 'emails[...]' name a sub-attribute of 'emails'")]
    [InlineData("emails[urn:ietf:params:scim:schemas:core:2.0:User:emails.type eq \"work\"]", "inside 'emails[...]' name a sub-attribute")]
    [InlineData("emails[kind eq \"work\"]", "Unknown sub-attribute 'kind' of 'emails' at position 7")]
    [InlineData("userName[value eq \"x\"]", "A value filter '[...]' at position 8 must follow a complex attribute such as 'emails', not 'userName'")]
    [InlineData("emails.value[type eq \"x\"]", "must follow a complex attribute")]
    [InlineData("emails[type eq \"work\"", "Missing ']' to close the '[' at position 6")]
    [InlineData("emails[type eq \"work\")", "Expected 'and', 'or' or ']' at position 21, found ')'")]
    [InlineData("emails[]", "Expected a sub-attribute of 'emails', '(' or 'not' at position 7, found ']'")]
    [InlineData("emails[type eq \"work\"].nope eq \"x\"", "Unknown sub-attribute 'nope' of 'emails' at position 22")]
    [InlineData("emails[type eq \"work\"].value", "Expected a comparison operator after '.value' at position 28, but the filter ends there")]
    [InlineData("emails[type eq \"work\"].value.x eq \"y\"", "Invalid name 'value.x'")]
    [InlineData("emails[type eq \"work\"]]", "Unbalanced ']' at position 22")]
    [InlineData("emails[type eq \"work\" and]", "Expected a sub-attribute of 'emails', '(' or 'not' at position 25, found ']'")]
    [InlineData("meta[created gt \"2026-01-01T00:00:00Z\"]", "'meta' at position 0 takes no value filter")]
    [InlineData("emails[primary gt true]", "'gt' on 'emails.primary' (a boolean attribute) is not allowed")]
    public void Malformed_value_paths_are_invalid_filters(string filter, string detail) =>
        RejectedDetail(filter).Should().Contain(detail);
}
