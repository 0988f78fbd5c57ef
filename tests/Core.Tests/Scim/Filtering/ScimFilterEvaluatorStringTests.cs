using static AutoRfpHex.Core.Tests.Scim.Filtering.EvaluatorFixtures;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

public sealed class ScimFilterEvaluatorStringTests
{
    [Theory]
    [InlineData("userName eq \"alice@example.com\"", true)]
    [InlineData("userName eq \"ALICE@EXAMPLE.COM\"", true)]
    [InlineData("userName eq \"alice@example.co\"", false)]
    [InlineData("userName co \"EXAMPLE\"", true)]
    [InlineData("userName sw \"aLiCe@\"", true)]
    [InlineData("userName ew \".COM\"", true)]
    [InlineData("userName ew \"example\"", false)]
    [InlineData("displayName eq \"ZOË 東京 😀\"", true)]
    [InlineData("displayName co \"zoë\"", true)]
    [InlineData("name.familyName eq \"SMITH\"", true)]
    [InlineData("emails.value eq \"ALICE@HOME.EXAMPLE\"", true)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"e-7\"", true)]
    public void Strings_that_are_not_caseExact_compare_case_insensitively(string filter, bool expected) =>
        Matches(filter, Alice).Should().Be(expected);

    [Theory]
    [InlineData("externalId eq \"Ext-1\"", true)]
    [InlineData("externalId eq \"ext-1\"", false)]
    [InlineData("externalId sw \"EXT\"", false)]
    [InlineData("externalId sw \"Ext\"", true)]
    [InlineData("externalId co \"t-1\"", true)]
    [InlineData("id eq \"u-alice\"", true)]
    [InlineData("id eq \"U-ALICE\"", false)]
    [InlineData("meta.resourceType eq \"User\"", true)]
    [InlineData("meta.resourceType eq \"user\"", false)]
    [InlineData("externalId gt \"EXT-1\"", true)]
    public void CaseExact_strings_compare_exactly(string filter, bool expected) =>
        Matches(filter, Alice).Should().Be(expected);

    [Theory]
    [InlineData("userName gt \"ALICE\"", true)]
    [InlineData("userName gt \"alice@example.com\"", false)]
    [InlineData("userName ge \"alice@example.com\"", true)]
    [InlineData("userName le \"ALICE@EXAMPLE.COM\"", true)]
    [InlineData("userName lt \"b\"", true)]
    [InlineData("userName lt \"ALICE\"", false)]
    [InlineData("userName gt \"_\"", false)]
    public void Ordering_compares_folded_strings_by_code_point(string filter, bool expected) =>
        Matches(filter, Alice).Should().Be(expected);

    [Fact]
    public void Characters_above_U_FFFF_order_after_every_BMP_character()
    {
        var record = TestRecords.User("""{ "userName": "😀" }""");

        Matches("userName gt \"\uFFFD\"", record).Should().BeTrue("U+1F600 is above U+FFFD, although its UTF-16 code units are not");
        Matches("userName lt \"\uFFFD\"", record).Should().BeFalse();
    }

    [Fact]
    public void Escaped_quotes_and_backslashes_match_the_stored_text_exactly()
    {
        var blue = TestRecords.Group("""{ "displayName": "Team \"Blue\" \\ Ops: R&D" }""");
        var plain = TestRecords.Group("""{ "displayName": "Team Blue Ops: R&D" }""");
        const string filter = "displayName eq \"Team \\\"Blue\\\" \\\\ Ops: R&D\"";

        Matches(filter, blue).Should().BeTrue();
        Matches(filter, plain).Should().BeFalse();
    }

    [Fact]
    public void An_empty_string_value_is_stored_text_for_comparisons()
    {
        Matches("title eq \"\"", Alice).Should().BeTrue();
        Matches("title co \"\"", Alice).Should().BeTrue();
        Matches("nickName co \"\"", Alice).Should().BeFalse("nickName is null");
    }
}
