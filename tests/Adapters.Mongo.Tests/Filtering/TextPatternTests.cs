using AutoRfpHex.Adapters.Mongo.Filtering;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Filtering;
using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Tests.Filtering;

/// <summary>sw/co/ew regexes: every character of the value literal, anchors only where the operator says.</summary>
public sealed class TextPatternTests
{
    [Theory]
    [InlineData("a.b", @"a\.b")]
    [InlineData(@"^$.*+?()[]{}|\/", @"\^\$\.\*\+\?\(\)\[\]\{\}\|\\\/")]
    [InlineData("a b-c_d@e", @"a\ b\-c\_d\@e")]
    [InlineData("\u00e9\u4e2d\ud83d\ude00", "\u00e9\u4e2d\ud83d\ude00")]
    [InlineData("a\nb\0c\u007f", @"a\x{0a}b\x{00}c\x{7f}")]
    [InlineData("", "")]
    public void Escape_leaves_letters_digits_and_non_ascii_and_quotes_everything_else(string text, string pattern) =>
        MongoTextPattern.Escape(text).Should().Be(pattern);

    [Fact]
    public void Starts_with_is_anchored_at_the_start_only() =>
        MongoTextPattern.StartsWith("A.B*").Should().Be(new BsonRegularExpression(@"^A\.B\*"));

    [Fact]
    public void Ends_with_anchors_at_the_very_end_not_before_a_final_newline() =>
        MongoTextPattern.EndsWith("X").Should().Be(new BsonRegularExpression(@"X\z"));

    [Fact]
    public void No_pattern_carries_options_so_no_case_insensitive_regex_is_ever_sent()
    {
        MongoTextPattern.StartsWith("a").Options.Should().BeEmpty();
        MongoTextPattern.Contains("a").Options.Should().BeEmpty();
        MongoTextPattern.EndsWith("a").Options.Should().BeEmpty();
    }

    [Theory]
    [InlineData("userName sw \"a.b(c\"", @"{ 'search.userName': /^A\.B\(C/ }")]
    [InlineData("userName co \"[x]\"", @"{ 'search.userName': /\[X\]/ }")]
    [InlineData("userName ew \"$\"", @"{ 'search.userName': /\$\z/ }")]
    [InlineData("externalId sw \"\"", "{ 'search.externalId': /^/ }")]
    public void Filters_with_special_characters_render_escaped(string filter, string expected) => filter.ShouldRender(expected);

    [Fact]
    public void Escaped_patterns_match_exactly_the_literal_text_under_a_PCRE_like_engine()
    {
        // .NET's engine agrees with PCRE on these escapes (\z, \x{..} aside), so the literal reading is checked here.
        foreach (var text in new[] { "a.b", "(x)", "1+1", "[a-z]", "c:\\dir", "50%", "a|b", "^start", "end$", "{2}" })
        {
            var pattern = "^" + MongoTextPattern.Escape(text) + "$";
            System.Text.RegularExpressions.Regex.IsMatch(text, pattern).Should().BeTrue(text);
            System.Text.RegularExpressions.Regex.IsMatch(text + "x", pattern).Should().BeFalse(text);
        }
    }

    [Fact]
    public void An_unpaired_surrogate_in_a_hand_built_tree_equals_nothing_and_is_otherwise_reported_not_translated()
    {
        // The parser refuses unpaired surrogates; the AST is public, so the translator still never sends one.
        var translator = new MongoFilterTranslator(Core.Scim.Resources.ScimResourceType.User, _ => []);
        var path = new AttributePath(null, "userName");

        MongoRendering.Json(translator.Translate(new ComparisonFilter(path, ComparisonOperator.Equal, JsonValue.Create("a\ud800"))))
            .Should().Be(MongoRendering.Expected("{ '_id': { '$in': [] } }"));
        var act = () => translator.Translate(new ComparisonFilter(path, ComparisonOperator.Contains, JsonValue.Create("\ud83d")));
        act.Should().Throw<MongoFilterNotTranslatedException>().WithMessage("*surrogate*");
        "userName eq \"\\ud83d\\ude00\"".ShouldRender("{ 'search.userName': '\ud83d\ude00' }");
    }
}
