using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using static AutoRfpHex.Core.Tests.Scim.Filtering.FilterTestSupport;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

public sealed class ScimFilterParserValueTests
{
    private static string ValueOf(string filter) =>
        ((ComparisonFilter)ScimFilterParser.Parse(filter, ScimResourceType.User)).Value!.GetValue<string>();

    [Theory]
    [InlineData(@"displayName eq ""say \""hi\""""", "say \"hi\"")]
    [InlineData(@"displayName eq ""domain\\user""", @"domain\user")]
    [InlineData(@"displayName eq ""a\/b""", "a/b")]
    [InlineData(@"displayName eq ""\b\f\n\r\t""", "\b\f\n\r\t")]
    [InlineData(@"displayName eq ""Zo\u00EB""", "Zoë")]
    [InlineData(@"displayName eq ""Zo\u00eb""", "Zoë")]
    [InlineData(@"displayName eq ""\u6771\u4EAC""", "東京")]
    [InlineData(@"displayName eq ""\uD83D\uDE00""", "😀")]
    [InlineData(@"displayName eq ""\\\""""", "\\\"")]
    [InlineData(@"displayName eq """"", "")]
    public void Json_escapes_in_strings_are_decoded(string filter, string expected) =>
        ValueOf(filter).Should().Be(expected);

    [Fact]
    public void A_display_name_with_quotes_backslash_colon_and_ampersand_round_trips()
    {
        ValueOf("displayName eq \"Team \\\"Blue\\\" \\\\ Ops: R&D\"").Should().Be("Team \"Blue\" \\ Ops: R&D");
    }

    [Theory]
    [InlineData("Zoë")]
    [InlineData("東京")]
    [InlineData("😀")]
    [InlineData("👩‍💻 team")]
    [InlineData("Ærøskøbing ß İ ı")]
    [InlineData("a]b)c(d[e")]
    [InlineData("  spaced  ")]
    [InlineData("and or not eq pr")]
    public void Any_unicode_text_inside_quotes_is_taken_literally(string text) =>
        ValueOf($"displayName eq \"{text}\"").Should().Be(text);

    [Theory]
    [InlineData("externalId eq bob", "bob")]
    [InlineData("userName sw O", "O")]
    [InlineData("emails.value co example.com", "example.com")]
    [InlineData("userName eq alice@example.com", "alice@example.com")]
    [InlineData("externalId eq 0123", "0123")]
    [InlineData("externalId eq 1.2.3", "1.2.3")]
    [InlineData("externalId eq a\\b", "a\\b")]
    public void An_unquoted_word_that_is_no_literal_number_or_keyword_is_a_legacy_string(string filter, string expected) =>
        ValueOf(filter).Should().Be(expected);

    [Fact]
    public void An_unquoted_dateTime_is_read_as_a_dateTime() =>
        ParseUser("meta.Created gt 2015-10-10T14:38:21.86-07:00").Should().Be("{meta.created gt \"2015-10-10T21:38:21.8600000Z\"}");

    [Theory]
    [InlineData("externalId eq and", "found 'and'; quote it to compare with the text \"and\"")]
    [InlineData("externalId eq NOT", "found 'NOT'")]
    [InlineData("externalId eq pr", "found 'pr'")]
    [InlineData("externalId eq 12345", "quote the value: \"12345\"")]
    [InlineData("externalId eq -1.5e3", "needs a string")]
    public void Unquoted_keywords_and_numbers_are_not_taken_as_strings(string filter, string detail) =>
        RejectedDetail(filter).Should().Contain(detail);

    [Theory]
    [InlineData("2026-01-01T00:00:00Z", "2026-01-01T00:00:00.0000000Z")]
    [InlineData("2026-01-01T00:00:00z", "2026-01-01T00:00:00.0000000Z")]
    [InlineData("2026-01-01T02:30:00+02:30", "2026-01-01T00:00:00.0000000Z")]
    [InlineData("2025-12-31T19:00:00-05:00", "2026-01-01T00:00:00.0000000Z")]
    [InlineData("2026-01-01T00:00:00", "2026-01-01T00:00:00.0000000Z")]
    [InlineData("2026-01-01T00:00:00.5Z", "2026-01-01T00:00:00.5000000Z")]
    [InlineData("2026-01-01T00:00:00.1234567Z", "2026-01-01T00:00:00.1234567Z")]
    [InlineData("2026-01-01T00:00:00.123456789Z", "2026-01-01T00:00:00.1234567Z")]
    public void DateTime_values_become_canonical_utc_strings(string written, string canonical) =>
        ValueOf($"meta.lastModified gt \"{written}\"").Should().Be(canonical);

    [Theory]
    [InlineData("0", true)]
    [InlineData("-1", true)]
    [InlineData("3.25", true)]
    [InlineData("-0.5E-3", true)]
    [InlineData("1e10", true)]
    [InlineData("01", false)]
    [InlineData("1.", false)]
    [InlineData(".5", false)]
    [InlineData("+1", false)]
    [InlineData("1e", false)]
    [InlineData("0x10", false)]
    public void An_unquoted_word_is_a_number_exactly_when_it_follows_the_json_number_grammar(string word, bool isNumber)
    {
        var literal = FilterLiteral.From(new FilterToken(FilterTokenKind.Word, word, word, 0, word.Length))!;

        literal.Kind.Should().Be(isNumber ? LiteralKind.Number : LiteralKind.String);
        literal.Bare.Should().Be(!isNumber);
    }

    [Theory]
    [InlineData("true", "True")]
    [InlineData("TRUE", "True")]
    [InlineData("False", "False")]
    [InlineData("nULL", "Null")]
    public void True_false_and_null_literals_are_case_insensitive(string word, string kind) =>
        FilterLiteral.From(new FilterToken(FilterTokenKind.Word, word, word, 0, word.Length))!.Kind.Should().Be(Enum.Parse<LiteralKind>(kind));
}
