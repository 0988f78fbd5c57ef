using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using static AutoRfpHex.Core.Tests.Scim.Filtering.FilterTestSupport;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

public sealed class ScimFilterParserOperatorTests
{
    [Theory]
    [InlineData("eq", ComparisonOperator.Equal)]
    [InlineData("ne", ComparisonOperator.NotEqual)]
    [InlineData("co", ComparisonOperator.Contains)]
    [InlineData("sw", ComparisonOperator.StartsWith)]
    [InlineData("ew", ComparisonOperator.EndsWith)]
    [InlineData("gt", ComparisonOperator.GreaterThan)]
    [InlineData("ge", ComparisonOperator.GreaterThanOrEqual)]
    [InlineData("lt", ComparisonOperator.LessThan)]
    [InlineData("le", ComparisonOperator.LessThanOrEqual)]
    public void Every_comparison_operator_parses_in_any_case(string keyword, ComparisonOperator expected)
    {
        foreach (var spelling in new[] { keyword, keyword.ToUpperInvariant(), char.ToUpperInvariant(keyword[0]) + keyword[1..] })
        {
            var filter = ScimFilterParser.Parse($"userName {spelling} \"alice\"", ScimResourceType.User);

            var comparison = filter.Should().BeOfType<ComparisonFilter>().Subject;
            comparison.Operator.Should().Be(expected);
            comparison.Path.Should().Be(new AttributePath(null, "userName"));
            comparison.Value!.GetValue<string>().Should().Be("alice");
        }
    }

    [Theory]
    [InlineData("title pr")]
    [InlineData("title PR")]
    [InlineData("TITLE Pr")]
    public void Present_takes_no_value_and_has_a_null_value(string text)
    {
        var comparison = ScimFilterParser.Parse(text, ScimResourceType.User).Should().BeOfType<ComparisonFilter>().Subject;

        comparison.Operator.Should().Be(ComparisonOperator.Present);
        comparison.Path.Should().Be(new AttributePath(null, "title"));
        comparison.Value.Should().BeNull();
    }

    [Theory]
    [InlineData("active eq true", "{active eq true}")]
    [InlineData("active eq FALSE", "{active eq false}")]
    [InlineData("active ne True", "{active ne true}")]
    [InlineData("active pr", "{active pr}")]
    public void Boolean_attributes_take_true_and_false_literals_in_any_case(string filter, string expected) =>
        ParseUser(filter).Should().Be(expected);

    [Theory]
    [InlineData("meta.created gt \"2026-01-01T00:00:00Z\"", "{meta.created gt \"2026-01-01T00:00:00.0000000Z\"}")]
    [InlineData("meta.lastModified ge \"2026-01-01T00:00:00Z\"", "{meta.lastModified ge \"2026-01-01T00:00:00.0000000Z\"}")]
    [InlineData("meta.created lt \"2026-01-01T00:00:00Z\"", "{meta.created lt \"2026-01-01T00:00:00.0000000Z\"}")]
    [InlineData("meta.created le \"2026-01-01T00:00:00Z\"", "{meta.created le \"2026-01-01T00:00:00.0000000Z\"}")]
    [InlineData("meta.created eq \"2026-01-01T00:00:00Z\"", "{meta.created eq \"2026-01-01T00:00:00.0000000Z\"}")]
    [InlineData("meta.created ne \"2026-01-01T00:00:00Z\"", "{meta.created ne \"2026-01-01T00:00:00.0000000Z\"}")]
    public void DateTime_attributes_take_every_ordering_and_equality_operator(string filter, string expected) =>
        ParseUser(filter).Should().Be(expected);

    [Theory]
    [InlineData("profileUrl eq \"https://example.com/alice\"", "{profileUrl eq \"https://example.com/alice\"}")]
    [InlineData("profileUrl sw \"https://\"", "{profileUrl sw \"https://\"}")]
    [InlineData("x509Certificates.value eq \"MIIB\"", "{x509Certificates.value eq \"MIIB\"}")]
    [InlineData("x509Certificates.value co \"MII\"", "{x509Certificates.value co \"MII\"}")]
    public void Reference_and_binary_attributes_compare_as_strings(string filter, string expected) =>
        ParseUser(filter).Should().Be(expected);

    [Theory]
    [InlineData("title eq null", "{title eq null}")]
    [InlineData("title ne NULL", "{title ne null}")]
    [InlineData("active eq Null", "{active eq null}")]
    [InlineData("meta.created eq null", "{meta.created eq null}")]
    public void Null_is_allowed_with_eq_and_ne_on_any_attribute(string filter, string expected) =>
        ParseUser(filter).Should().Be(expected);

    [Theory]
    [InlineData("active gt true", "'gt' on 'active' (a boolean attribute) is not allowed")]
    [InlineData("active le false", "'le' on 'active' (a boolean attribute) is not allowed")]
    [InlineData("emails.primary ge true", "'ge' on 'emails.primary' (a boolean attribute) is not allowed")]
    [InlineData("x509Certificates.value lt \"M\"", "'lt' on 'x509Certificates.value' (a binary attribute) is not allowed")]
    [InlineData("name gt \"x\"", "'name' at position 0 is a complex attribute")]
    [InlineData("meta lt \"x\"", "'meta' at position 0 is a complex attribute")]
    [InlineData("active co \"t\"", "'co' applies to string attributes only")]
    [InlineData("active sw \"t\"", "'sw' applies to string attributes only")]
    [InlineData("meta.created ew \"Z\"", "'ew' applies to string attributes only")]
    [InlineData("title gt null", "cannot compare with null at position 9")]
    [InlineData("title co null", "cannot compare with null")]
    [InlineData("active eq \"yes\"", "needs true or false at position 10, found '\"yes\"'")]
    [InlineData("active eq 1", "needs true or false")]
    [InlineData("active eq yes", "needs true or false")]
    [InlineData("userName eq true", "needs a string at position 12, found true 'true'")]
    [InlineData("userName eq 42", "quote the value: \"42\"")]
    [InlineData("userName co 4.5", "needs a string")]
    [InlineData("meta.created gt \"not a date\"", "needs a dateTime such as \"2026-01-01T00:00:00Z\" at position 16")]
    [InlineData("meta.created gt 20260101", "needs a dateTime")]
    [InlineData("meta.lastModified gt \"2026-01-01\"", "needs a dateTime")]
    [InlineData("meta.lastModified gt \"2026-13-01T00:00:00Z\"", "needs a dateTime")]
    [InlineData("meta.lastModified gt \"2026-01-01T25:00:00Z\"", "needs a dateTime")]
    [InlineData("meta.lastModified gt true", "needs a dateTime")]
    public void A_value_or_operator_that_does_not_fit_the_attribute_type_is_an_invalid_filter(string filter, string detail) =>
        RejectedDetail(filter).Should().Contain(detail);

    [Theory]
    [InlineData("active eq \"true\"", "{active eq true}")]
    [InlineData("active eq \"False\"", "{active eq false}")]
    public void A_quoted_true_or_false_is_accepted_for_a_boolean_attribute(string filter, string expected) =>
        ParseUser(filter).Should().Be(expected);
}
