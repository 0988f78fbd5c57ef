using AutoRfpHex.Core.Scim.Filtering;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

public sealed class ScimDateTimeTests
{
    [Theory]
    [InlineData("2026-01-01T00:00:00Z", "2026-01-01T00:00:00.0000000Z")]
    [InlineData("2026-06-30T23:59:59.9999999+00:00", "2026-06-30T23:59:59.9999999Z")]
    [InlineData("2026-01-01T00:00:00-01:00", "2026-01-01T01:00:00.0000000Z")]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.0000000Z")]
    public void Parses_xsd_dateTimes_and_formats_them_canonically(string text, string canonical)
    {
        ScimDateTime.TryParse(text, out var instant).Should().BeTrue();
        ScimDateTime.Format(instant).Should().Be(canonical);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-01-01")]
    [InlineData("01/02/2026 10:00")]
    [InlineData("2026-01-01 00:00:00Z")]
    [InlineData("2026-02-30T00:00:00Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("2026-01-01T00:00:00+2")]
    [InlineData(" 2026-01-01T00:00:00Z")]
    public void Refuses_anything_else(string text) => ScimDateTime.TryParse(text, out _).Should().BeFalse();

    [Fact]
    public void Canonical_forms_order_ordinally_as_their_instants_do()
    {
        var instants = new[] { "2025-12-31T23:00:00-02:00", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00.5Z", "1999-01-01T00:00:00+14:00" }
            .Select(t => { ScimDateTime.TryParse(t, out var i); return i; }).ToList();

        instants.Select(ScimDateTime.Format).Order(StringComparer.Ordinal).Should().Equal(instants.Order().Select(ScimDateTime.Format));
    }
}
