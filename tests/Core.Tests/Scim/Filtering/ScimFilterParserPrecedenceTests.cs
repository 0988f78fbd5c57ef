using static AutoRfpHex.Core.Tests.Scim.Filtering.FilterTestSupport;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

public sealed class ScimFilterParserPrecedenceTests
{
    private const string A = "{userName eq \"a\"}";
    private const string B = "{title pr}";
    private const string C = "{active eq true}";
    private const string D = "{nickName sw \"d\"}";

    [Theory]
    [InlineData("userName eq \"a\" and title pr or active eq true", $"(or (and {A} {B}) {C})")]
    [InlineData("userName eq \"a\" or title pr and active eq true", $"(or {A} (and {B} {C}))")]
    [InlineData("userName eq \"a\" or title pr or active eq true", $"(or (or {A} {B}) {C})")]
    [InlineData("userName eq \"a\" and title pr and active eq true", $"(and (and {A} {B}) {C})")]
    [InlineData("userName eq \"a\" and title pr or active eq true and nickName sw \"d\"", $"(or (and {A} {B}) (and {C} {D}))")]
    public void And_binds_tighter_than_or_and_both_associate_left(string filter, string tree) =>
        ParseUser(filter).Should().Be(tree);

    [Theory]
    [InlineData("(userName eq \"a\" or title pr) and active eq true", $"(and (or {A} {B}) {C})")]
    [InlineData("userName eq \"a\" and (title pr or active eq true)", $"(and {A} (or {B} {C}))")]
    [InlineData("((userName eq \"a\"))", A)]
    [InlineData("(userName eq \"a\" or (title pr and (active eq true or nickName sw \"d\")))", $"(or {A} (and {B} (or {C} {D})))")]
    public void Parentheses_group(string filter, string tree) =>
        ParseUser(filter).Should().Be(tree);

    [Theory]
    [InlineData("not (userName eq \"a\") and title pr", $"(and (not {A}) {B})")]
    [InlineData("title pr and not (userName eq \"a\")", $"(and {B} (not {A}))")]
    [InlineData("not (userName eq \"a\" or title pr)", $"(not (or {A} {B}))")]
    [InlineData("userName eq \"a\" and not (title pr or active eq true) or nickName sw \"d\"", $"(or (and {A} (not (or {B} {C}))) {D})")]
    [InlineData("not (not (userName eq \"a\"))", $"(not (not {A}))")]
    [InlineData("not(userName eq \"a\")", $"(not {A})")]
    public void Not_applies_to_the_parenthesised_expression_after_it(string filter, string tree) =>
        ParseUser(filter).Should().Be(tree);

    [Fact]
    public void Logical_keywords_are_case_insensitive() =>
        ParseUser("NOT (userName eq \"a\") AND title pr Or active eq true").Should().Be($"(or (and (not {A}) {B}) {C})");

    [Fact]
    public void Tabs_and_repeated_spaces_separate_tokens_like_one_space() =>
        ParseUser("userName\teq  \"a\"   and\ttitle pr").Should().Be($"(and {A} {B})");
}
