using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using static AutoRfpHex.Core.Tests.Scim.Filtering.EvaluatorFixtures;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

public sealed class ScimFilterEvaluatorLogicTests
{
    [Theory]
    [InlineData("userName eq \"x\" or active eq true", true)]
    [InlineData("userName eq \"x\" and active eq true", false)]
    [InlineData("not (userName eq \"x\")", true)]
    [InlineData("not (userName pr)", false)]
    [InlineData("userName eq \"x\" and title pr or active eq true", true)]
    [InlineData("userName eq \"x\" and (title pr or active eq true)", false)]
    [InlineData("not (userName eq \"x\" or active eq false) and emails[type eq \"work\"]", true)]
    public void And_or_and_not_are_boolean_logic_with_rfc_precedence(string filter, bool expected) =>
        Matches(filter, Alice).Should().Be(expected);

    [Fact]
    public void Ne_is_exactly_not_eq_for_every_kind_of_attribute()
    {
        string[] cases =
        [
            "userName {0} \"alice@example.com\"", "nickName {0} \"x\"", "emails.value {0} \"alice@home.example\"",
            "active {0} false", "meta.created {0} \"2025-06-01T10:00:00Z\"", "groups {0} \"g-eng\"", "title {0} null",
        ];
        foreach (var record in new[] { Alice, Bare })
        {
            foreach (var template in cases)
            {
                Matches(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, "ne"), record)
                    .Should().Be(!Matches(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, "eq"), record), template);
            }
        }
    }

    [Fact]
    public void A_hand_built_filter_on_a_path_the_schema_does_not_know_matches_nothing()
    {
        var unknown = new ComparisonFilter(new AttributePath(null, "shoeSize"), ComparisonOperator.Equal, System.Text.Json.Nodes.JsonValue.Create("42"));

        ScimFilterEvaluator.Matches(unknown, Alice).Should().BeFalse();
        ScimFilterEvaluator.Matches(unknown with { Operator = ComparisonOperator.NotEqual }, Alice).Should().BeTrue();
    }

    [Fact]
    public void A_user_filter_does_not_see_group_members_stored_in_attributes()
    {
        var user = TestRecords.User("""{ "userName": "x" }""") with { Members = [new MemberReference("m", ScimResourceType.User, null)] };

        Matches("groups pr", user).Should().BeFalse();
    }
}
