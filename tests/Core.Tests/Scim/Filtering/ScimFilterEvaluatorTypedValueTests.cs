using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Schemas;
using static AutoRfpHex.Core.Tests.Scim.Filtering.EvaluatorFixtures;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

public sealed class ScimFilterEvaluatorTypedValueTests
{
    [Theory]
    [InlineData("active eq true", true)]
    [InlineData("active eq false", false)]
    [InlineData("active ne false", true)]
    [InlineData("active ne true", false)]
    [InlineData("active eq \"True\"", true)]
    public void Booleans_compare_by_value(string filter, bool expected) =>
        Matches(filter, Alice).Should().Be(expected);

    [Theory]
    [InlineData("meta.lastModified gt \"2026-01-01T00:00:00Z\"", true)]
    [InlineData("meta.lastModified lt \"2026-01-01T00:00:00Z\"", false)]
    [InlineData("meta.created eq \"2025-06-01T10:00:00Z\"", true)]
    [InlineData("meta.created eq \"2025-06-01T10:00:00.000Z\"", true)]
    [InlineData("meta.created eq \"2025-06-01T12:00:00+02:00\"", true)]
    [InlineData("meta.created ge \"2025-06-01T12:00:00+02:00\"", true)]
    [InlineData("meta.created gt \"2025-06-01T12:00:00+02:00\"", false)]
    [InlineData("meta.created lt \"2025-06-01T11:00:00+02:00\"", false)]
    [InlineData("meta.created le \"2025-06-01T06:00:00-04:00\"", true)]
    [InlineData("meta.created ne \"2025-06-01T10:00:00Z\"", false)]
    [InlineData("meta.created gt 2015-10-10T14:38:21.86-07:00", true)]
    public void DateTimes_compare_as_instants_whatever_their_offset(string filter, bool expected) =>
        Matches(filter, Alice).Should().Be(expected);

    [Fact]
    public void Meta_version_is_the_weak_etag_of_the_records_version()
    {
        Matches("meta.version eq \"W/\\\"3\\\"\"", Alice).Should().BeTrue();
        Matches("meta.version eq \"W/\\\"4\\\"\"", Alice).Should().BeFalse();
    }

    [Theory]
    [InlineData(3, ComparisonOperator.Equal, 3.0, true)]
    [InlineData(3, ComparisonOperator.GreaterThan, 2.5, true)]
    [InlineData(3, ComparisonOperator.LessThan, 2.5, false)]
    [InlineData(-1, ComparisonOperator.LessThanOrEqual, -1, true)]
    [InlineData(10, ComparisonOperator.GreaterThanOrEqual, 9.99, true)]
    public void Numbers_compare_numerically(int stored, ComparisonOperator op, double value, bool expected)
    {
        var leaf = new ScimAttributeDefinition("level", ScimAttributeType.Decimal, "test");

        ValueMatcher.Matches(JsonValue.Create(stored), op, JsonValue.Create(value), leaf).Should().Be(expected);
        ValueMatcher.Matches(JsonNode.Parse(stored.ToString(System.Globalization.CultureInfo.InvariantCulture)), op, JsonValue.Create(value), leaf).Should().Be(expected);
    }

    [Fact]
    public void A_number_stored_as_a_string_is_not_a_number()
    {
        var leaf = new ScimAttributeDefinition("level", ScimAttributeType.Integer, "test");

        ValueMatcher.Matches(JsonValue.Create("3"), ComparisonOperator.Equal, JsonValue.Create(3d), leaf).Should().BeFalse();
    }

    [Fact]
    public void An_unparseable_stored_dateTime_never_matches()
    {
        var leaf = new ScimAttributeDefinition("when", ScimAttributeType.DateTime, "test");
        var value = JsonValue.Create("2026-01-01T00:00:00.0000000Z");

        ValueMatcher.Matches(JsonValue.Create("yesterday"), ComparisonOperator.LessThan, value, leaf).Should().BeFalse();
        ValueMatcher.Matches(JsonValue.Create("2025-01-01T00:00:00Z"), ComparisonOperator.LessThan, value, leaf).Should().BeTrue();
    }
}
