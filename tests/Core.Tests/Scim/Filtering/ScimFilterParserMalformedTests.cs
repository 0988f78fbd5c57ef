using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using static AutoRfpHex.Core.Tests.Scim.Filtering.FilterTestSupport;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

public sealed class ScimFilterParserMalformedTests
{
    public static TheoryData<string, string> MalformedFilters => new()
    {
        { "", "The filter is empty" },
        { "   ", "The filter is empty" },
        { "userName", "Expected a comparison operator after 'userName' at position 8, but the filter ends there" },
        { "userName \"x\"", "Expected a comparison operator after 'userName' at position 9, found '\"x\"'" },
        { "userName and title pr", "Expected a comparison operator after 'userName' at position 9, found 'and'" },
        { "userName (", "Expected a comparison operator after 'userName' at position 9, found '('" },
        { "userName zz \"x\"", "Unknown operator 'zz' after 'userName' at position 9; expected one of eq, ne, co, sw, ew, pr, gt, ge, lt, le" },
        { "userName equals \"x\"", "Unknown operator 'equals'" },
        { "userName == \"x\"", "Unknown operator '=='" },
        { "userName eq", "Expected a value after 'eq' at position 11, but the filter ends there" },
        { "userName eq )", "Expected a value after 'eq' at position 12, found ')'" },
        { "userName eq eq", "Expected a value after 'eq' at position 12, found 'eq'" },
        { "userName eq (\"x\")", "Expected a value after 'eq' at position 12, found '('" },
        { "userName pr \"x\"", "'pr' takes no value, but '\"x\"' follows it at position 12" },
        { "userName pr x", "'pr' takes no value, but 'x' follows it at position 12" },
        { "(userName eq \"x\"", "Missing ')' to close the '(' at position 0" },
        { "((userName eq \"x\")", "Missing ')' to close the '(' at position 0" },
        { "userName eq \"x\")", "Unbalanced ')' at position 15: no '(' is open" },
        { ")", "Expected an attribute path, '(' or 'not' at position 0, found ')'" },
        { "()", "Expected an attribute path, '(' or 'not' at position 1, found ')'" },
        { "(userName eq \"x\" title pr)", "Expected 'and', 'or' or ')' at position 17, found 'title' (inside the '(' at position 0)" },
        { "userName eq \"x", "Unterminated string starting at position 12" },
        { "userName eq x\"", "Unterminated string starting at position 13" },
        { "\"userName\" eq \"x\"", "Expected an attribute path, '(' or 'not' at position 0, found '\"userName\"'" },
        { "userName eq \"x\" \"y\"", "Expected 'and', 'or' or the end of the filter at position 16, found '\"y\"'" },
        { "userName eq \"x\" title pr", "Expected 'and', 'or' or the end of the filter at position 16, found 'title'" },
        { "userName eq \"x\" andd title pr", "found 'andd'" },
        { "userName eq \"x\" ]", "Unbalanced ']' at position 16" },
        { "[type eq \"x\"]", "Expected an attribute path, '(' or 'not' at position 0, found '['" },
        { "and", "Expected an attribute path, '(' or 'not' at position 0, found 'and'" },
        { "or", "found 'or'" },
        { "not", "Expected '(' after 'not' at position 3, but the filter ends there" },
        { "eq \"x\"", "found 'eq'" },
        { "and userName eq \"x\"", "found 'and'" },
        { "userName eq \"x\" and", "Expected an attribute path, '(' or 'not' at position 19, but the filter ends there" },
        { "userName eq \"x\" OR", "but the filter ends there" },
        { "userName eq \"x\" and or title pr", "Expected an attribute path, '(' or 'not' at position 20, found 'or'" },
        { "userName eq \"x\" and and title pr", "found 'and'" },
        { "not userName eq \"x\"", "Expected '(' after 'not' at position 4, found 'userName': write not (expression)" },
        { "not not (title pr)", "Expected '(' after 'not' at position 4, found 'not'" },
        { "title pr and not", "Expected '(' after 'not' at position 16, but the filter ends there" },
        { "not ()", "Expected an attribute path, '(' or 'not' at position 5, found ')'" },
        { "userName eq \"a\\q\"", "Invalid escape sequence '\\q' at position 14" },
        { "userName eq \"a\\x41\"", "Invalid escape sequence '\\x'" },
        { "userName eq \"\\u12\"", "\\u must be followed by four hexadecimal digits" },
        { "userName eq \"\\u12G4\"", "four hexadecimal digits" },
        { "userName eq \"\\uD83D\"", "is a high surrogate not followed by a \\u escape of a low surrogate" },
        { "userName eq \"\\uD83Dx\"", "high surrogate" },
        { "userName eq \"\\uDE00\"", "is a low surrogate without a high surrogate before it" },
        { "userName eq \"x\\", "Unterminated escape sequence at position 14" },
        { "userName eq \"x\\\"", "Unterminated string starting at position 12" },
        { "userName  eq  \"x\"  and  (title pr", "Missing ')' to close the '(' at position 24" },
    };

    [Theory]
    [MemberData(nameof(MalformedFilters))]
    public void Every_malformed_filter_is_400_invalidFilter_with_a_detail_that_locates_the_problem(string filter, string detail) =>
        RejectedDetail(filter).Should().Contain(detail);

    [Fact]
    public void A_null_filter_is_an_empty_filter() => RejectedDetail(null!).Should().Contain("empty");

    // A Fact, not InlineData: test discovery would turn the lone surrogates into U+FFFD.
    [Fact]
    public void An_unpaired_surrogate_anywhere_is_refused()
    {
        RejectedDetail("userName eq \"\uD800\"").Should().Contain("Invalid character at position 13: an unpaired UTF-16 surrogate (U+D800)");
        RejectedDetail("userName eq \"a\uDC00\"").Should().Contain("Invalid character at position 14: an unpaired UTF-16 surrogate (U+DC00)");
        RejectedDetail("userName\uD83D eq \"x\"").Should().Contain("Invalid character at position 8: an unpaired UTF-16 surrogate");
        RejectedDetail("userName eq \"x\"\uDE00").Should().Contain("Invalid character at position 15");
    }

    [Fact]
    public void A_filter_longer_than_the_maximum_is_refused_before_parsing()
    {
        var filter = "userName eq \"" + new string('a', ScimFilterParser.MaxLength) + "\"";

        RejectedDetail(filter).Should().Contain($"at most {ScimFilterParser.MaxLength} are accepted");
    }

    [Fact]
    public void A_filter_of_exactly_the_maximum_length_is_accepted()
    {
        var prefix = "userName eq \"";
        var filter = prefix + new string('a', ScimFilterParser.MaxLength - prefix.Length - 1) + "\"";

        filter.Should().HaveLength(ScimFilterParser.MaxLength);
        ParseUser(filter).Should().StartWith("{userName eq \"aaa");
    }

    [Fact]
    public void Nesting_up_to_the_maximum_depth_is_accepted()
    {
        var filter = new string('(', ScimFilterParser.MaxDepth) + "title pr" + new string(')', ScimFilterParser.MaxDepth);

        ParseUser(filter).Should().Be("{title pr}");
    }

    [Fact]
    public void Nesting_deeper_than_the_maximum_is_refused_with_the_position_where_it_happens()
    {
        var filter = new string('(', ScimFilterParser.MaxDepth + 1) + "title pr" + new string(')', ScimFilterParser.MaxDepth + 1);

        RejectedDetail(filter).Should().Contain($"nests deeper than {ScimFilterParser.MaxDepth} levels at position {ScimFilterParser.MaxDepth}");
    }

    [Theory]
    [InlineData("(", 2000)]
    [InlineData("not (", 800)]
    public void Hostile_deep_nesting_is_refused_without_exhausting_the_stack(string opener, int repeat)
    {
        var filter = string.Concat(Enumerable.Repeat(opener, repeat)) + "title pr";

        filter.Length.Should().BeLessThanOrEqualTo(ScimFilterParser.MaxLength);
        RejectedDetail(filter).Should().Contain("nests deeper than");
    }

    [Fact]
    public void A_long_chain_of_or_is_not_nesting_and_is_accepted()
    {
        var filter = string.Join(" or ", Enumerable.Range(0, 200).Select(i => $"id eq \"{i}\""));

        var tree = ScimFilterParser.Parse(filter, ScimResourceType.User);

        tree.Should().BeOfType<OrFilter>().Which.Right.Should().Be(
            new ComparisonFilter(new AttributePath(null, "id"), ComparisonOperator.Equal, ((OrFilter)tree).Right.As<ComparisonFilter>().Value));
    }
}
