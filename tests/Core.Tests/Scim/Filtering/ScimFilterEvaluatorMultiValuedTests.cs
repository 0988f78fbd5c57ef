using static AutoRfpHex.Core.Tests.Scim.Filtering.EvaluatorFixtures;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

public sealed class ScimFilterEvaluatorMultiValuedTests
{
    [Theory]
    [InlineData("emails.value eq \"alice@home.example\"", true)]
    [InlineData("emails eq \"alice@work.example\"", true)]
    [InlineData("emails.type eq \"other\"", false)]
    [InlineData("emails.value ew \"home.example\"", true)]
    [InlineData("emails.primary eq true", true)]
    [InlineData("emails.primary eq false", false)]
    public void A_multi_valued_comparison_is_true_when_any_element_matches(string filter, bool expected) =>
        Matches(filter, Alice).Should().Be(expected);

    [Theory]
    [InlineData("emails.value ne \"alice@home.example\"", false)]
    [InlineData("emails.value ne \"nobody@example.com\"", true)]
    [InlineData("emails.type ne \"work\"", false)]
    public void Ne_on_a_multi_valued_attribute_is_true_only_when_no_element_equals(string filter, bool expected) =>
        Matches(filter, Alice).Should().Be(expected);

    [Theory]
    [InlineData("emails[type eq \"work\" and primary eq true]", true)]
    [InlineData("emails[type eq \"home\" and primary eq true]", false)]
    [InlineData("emails.type eq \"home\" and emails.primary eq true", true)]
    [InlineData("emails[type eq \"home\"].value eq \"alice@home.example\"", true)]
    [InlineData("emails[type eq \"work\"].value eq \"alice@home.example\"", false)]
    [InlineData("emails[type eq \"work\"].value co \"WORK\"", true)]
    [InlineData("emails[not (type eq \"work\")]", true)]
    [InlineData("emails[type eq \"work\" or type eq \"other\"]", true)]
    [InlineData("emails[primary eq null]", true)]
    [InlineData("emails[display pr]", false)]
    [InlineData("phoneNumbers[type eq \"work\"]", false)]
    [InlineData("not (phoneNumbers[type eq \"work\"])", true)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager[value eq \"M-1\" and displayName sw \"B\"]", true)]
    [InlineData("name[givenName eq \"alice\" and familyName eq \"smith\"]", true)]
    [InlineData("name[givenName eq \"alice\" and familyName eq \"jones\"]", false)]
    public void A_value_path_needs_one_element_that_satisfies_the_whole_inner_filter(string filter, bool expected) =>
        Matches(filter, Alice).Should().Be(expected);

    [Theory]
    [InlineData("groups.value eq \"g-eng\"", true)]
    [InlineData("groups eq \"g-eng\"", true)]
    [InlineData("groups.display co \"engine\"", true)]
    [InlineData("groups[value eq \"g-eng\" and display eq \"Engineering\"]", true)]
    [InlineData("groups.value eq \"g-ops\"", false)]
    public void A_users_groups_come_from_the_records_group_references(string filter, bool expected) =>
        Matches(filter, Alice).Should().Be(expected);

    [Theory]
    [InlineData("members eq \"u-alice\"", true)]
    [InlineData("members.value eq \"u-alice\"", true)]
    [InlineData("members.value eq \"U-ALICE\"", false)]
    [InlineData("members.display sw \"ali\"", true)]
    [InlineData("members.type eq \"Group\"", true)]
    [InlineData("members[type eq \"Group\" and value eq \"g-sub\"]", true)]
    [InlineData("members[type eq \"Group\" and value eq \"u-alice\"]", false)]
    [InlineData("members pr", true)]
    [InlineData("id eq \"g-eng\" and members eq \"u-bob\"", false)]
    public void A_groups_members_come_from_the_records_member_references(string filter, bool expected)
    {
        var group = TestRecords.Group("""
            { "id": "g-eng", "displayName": "Engineering",
              "members": [ { "value": "u-alice", "display": "Alice", "type": "User" }, { "value": "g-sub", "type": "Group" } ] }
            """);

        Matches(filter, group).Should().Be(expected);
    }

    [Fact]
    public void An_empty_group_has_no_members()
    {
        var group = TestRecords.Group("""{ "id": "g-empty", "displayName": "Empty" }""");

        Matches("members pr", group).Should().BeFalse();
        Matches("members eq null", group).Should().BeTrue();
        Matches("members ne \"u-alice\"", group).Should().BeTrue();
    }
}
