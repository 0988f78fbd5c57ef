using static AutoRfpHex.Core.Tests.Scim.Filtering.EvaluatorFixtures;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

public sealed class ScimFilterEvaluatorPresenceTests
{
    [Theory]
    [InlineData("userName pr", true)]
    [InlineData("active pr", true)]
    [InlineData("emails pr", true)]
    [InlineData("emails.value pr", true)]
    [InlineData("name pr", true)]
    [InlineData("meta pr", true)]
    [InlineData("meta.created pr", true)]
    [InlineData("id pr", true)]
    [InlineData("groups pr", true)]
    [InlineData("title pr", false)]
    [InlineData("nickName pr", false)]
    [InlineData("locale pr", false)]
    [InlineData("phoneNumbers pr", false)]
    [InlineData("addresses pr", false)]
    [InlineData("emails.display pr", false)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager pr", true)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department pr", false)]
    public void Pr_is_true_only_for_an_assigned_non_empty_value(string filter, bool expected) =>
        Matches(filter, Alice).Should().Be(expected);

    [Theory]
    [InlineData("active pr", true)]
    [InlineData("name pr", false)]
    [InlineData("name.familyName pr", false)]
    [InlineData("groups pr", false)]
    public void False_is_a_value_but_null_and_empty_members_are_not(string filter, bool expected) =>
        Matches(filter, Bare).Should().Be(expected);

    [Theory]
    [InlineData("nickName eq null", true)]
    [InlineData("title eq null", true)]
    [InlineData("locale eq null", true)]
    [InlineData("userName eq null", false)]
    [InlineData("userName ne null", true)]
    [InlineData("nickName ne null", false)]
    [InlineData("emails.value eq null", false)]
    [InlineData("emails.display eq null", true)]
    public void Eq_null_means_not_present_and_ne_null_means_present(string filter, bool expected) =>
        Matches(filter, Alice).Should().Be(expected);

    [Theory]
    [InlineData("nickName eq \"x\"", false)]
    [InlineData("nickName co \"x\"", false)]
    [InlineData("nickName gt \"a\"", false)]
    [InlineData("nickName lt \"z\"", false)]
    [InlineData("nickName ne \"x\"", true)]
    [InlineData("locale ne \"en\"", true)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"R&D\"", false)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department ne \"R&D\"", true)]
    public void A_missing_attribute_fails_every_comparison_except_ne(string filter, bool expected) =>
        Matches(filter, Alice).Should().Be(expected);

    [Fact]
    public void A_missing_extension_object_fails_comparisons_and_passes_ne()
    {
        Matches("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"1\"", Bare).Should().BeFalse();
        Matches("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber ne \"1\"", Bare).Should().BeTrue();
    }

    [Fact]
    public void A_stored_value_of_the_wrong_json_kind_never_matches_but_is_present()
    {
        var odd = TestRecords.User("""{ "userName": 5, "active": "true", "name": { "familyName": ["Smith"] } }""");

        Matches("userName eq \"5\"", odd).Should().BeFalse();
        Matches("userName ne \"5\"", odd).Should().BeTrue();
        Matches("userName pr", odd).Should().BeTrue();
        Matches("active eq true", odd).Should().BeFalse();
        Matches("active ne true", odd).Should().BeTrue();
        Matches("name.familyName eq \"smith\"", odd).Should().BeTrue("arrays are flattened");
    }
}
