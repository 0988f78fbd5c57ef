using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

/// <summary>The catalog has no numeric attribute yet; these bind numbers against synthetic Integer and Decimal definitions.</summary>
public sealed class FilterValueBinderNumberTests
{
    private static ResolvedPath PathOf(ScimAttributeType type) =>
        new(new AttributePath(null, "level"), new ScimAttributeDefinition("level", type, "test"), null);

    private static FilterToken Word(string text) => new(FilterTokenKind.Word, text, text, 10, text.Length);

    [Theory]
    [InlineData("42", 42d)]
    [InlineData("-7", -7d)]
    [InlineData("3.0", 3d)]
    [InlineData("1e3", 1000d)]
    public void Integers_bind_as_doubles(string text, double expected) =>
        FilterValueBinder.Bind(PathOf(ScimAttributeType.Integer), ComparisonOperator.GreaterThan, FilterLiteral.From(Word(text))!, Word(text))!
            .GetValue<double>().Should().Be(expected);

    [Theory]
    [InlineData("2.5", 2.5)]
    [InlineData("-0.125", -0.125)]
    [InlineData("1.5E-3", 0.0015)]
    public void Decimals_bind_as_doubles(string text, double expected) =>
        FilterValueBinder.Bind(PathOf(ScimAttributeType.Decimal), ComparisonOperator.Equal, FilterLiteral.From(Word(text))!, Word(text))!
            .GetValue<double>().Should().Be(expected);

    [Theory]
    [InlineData(ScimAttributeType.Integer, "2.5", "needs an integer")]
    [InlineData(ScimAttributeType.Decimal, "1e999", "is out of range")]
    [InlineData(ScimAttributeType.Decimal, "abc", "needs a number")]
    [InlineData(ScimAttributeType.Integer, "true", "needs a number")]
    [InlineData(ScimAttributeType.Integer, "\"5\"", "needs a number")]
    public void Non_numbers_fractions_for_integers_and_infinities_are_refused(ScimAttributeType type, string text, string detail)
    {
        var token = text.StartsWith('"') ? new FilterToken(FilterTokenKind.String, text, text.Trim('"'), 10, text.Length) : Word(text);

        var act = () => FilterValueBinder.Bind(PathOf(type), ComparisonOperator.Equal, FilterLiteral.From(token)!, token);

        var error = act.Should().ThrowExactly<ScimException>().Which;
        error.ScimType.Should().Be(ScimErrorTypes.InvalidFilter);
        error.Detail.Should().Contain(detail).And.Contain("position 10");
    }

    [Fact]
    public void Contains_on_a_number_is_refused()
    {
        var act = () => FilterValueBinder.Bind(PathOf(ScimAttributeType.Integer), ComparisonOperator.Contains, FilterLiteral.From(Word("1"))!, Word("1"));

        act.Should().ThrowExactly<ScimException>().Which.Detail.Should().Contain("'co' applies to string attributes only");
    }
}
