using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Paths;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Tests.Scim;

/// <summary>PATCH value paths go through the shared filter parser and evaluator, one value at a time.</summary>
public sealed class ValuePathFilterTests
{
    private static readonly ScimAttributeDefinition Emails = UserSchema.Definition.FindAttribute("emails")!;
    private static readonly ScimAttributeDefinition Members = GroupSchema.Definition.FindAttribute("members")!;

    private static AttributePath EmailsPath(string sub) => new(null, "emails", sub);

    private static FilterNode EmailFilter(string text) => ValuePathFilters.Parse(ScimResourceType.User, null, Emails, text);

    private static FilterNode MemberFilter(string text) => ValuePathFilters.Parse(ScimResourceType.Group, null, Members, text);

    [Fact]
    public void A_value_path_parses_to_full_paths_with_canonical_names()
    {
        var path = ScimPathParser.Parse(ScimResourceType.User, "EMAILS[Type eq \"work\" and not (Value ew \".org\") or primary eq TRUE].VALUE")!;

        path.Attribute.Name.Should().Be("emails");
        path.SubAttribute!.Name.Should().Be("value");
        Render(path.ValueFilter!).Should().Be(Render(new OrFilter(
            new AndFilter(
                new ComparisonFilter(EmailsPath("type"), ComparisonOperator.Equal, JsonValue.Create("work")),
                new NotFilter(new ComparisonFilter(EmailsPath("value"), ComparisonOperator.EndsWith, JsonValue.Create(".org")))),
            new ComparisonFilter(EmailsPath("primary"), ComparisonOperator.Equal, JsonValue.Create(true)))));
        path.ToString().Should().Be("emails[Type eq \"work\" and not (Value ew \".org\") or primary eq TRUE].value");
    }

    [Fact]
    public void String_escapes_are_decoded_and_extension_paths_keep_their_urn()
    {
        Render(EmailFilter("value eq \"a\\\"b]\\\\c\\u0041\" and display pr")).Should().Be(Render(new AndFilter(
            new ComparisonFilter(EmailsPath("value"), ComparisonOperator.Equal, JsonValue.Create("a\"b]\\cA")),
            new ComparisonFilter(EmailsPath("display"), ComparisonOperator.Present, null))));
        ScimPathParser.Parse(ScimResourceType.User, "emails[value eq \"x]y\"].display")!.SubAttribute!.Name.Should().Be("display");
        ScimPathParser.Parse(ScimResourceType.User, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:MANAGER.value")!
            .ToAttributePath().Should().Be(new AttributePath(ScimSchemaUris.EnterpriseUser, "manager", "value"));
    }

    [Theory]
    [InlineData("type eq \"WORK\"", true)]
    [InlineData("type ne \"work\"", false)]
    [InlineData("value co \"EXAMPLE\"", true)]
    [InlineData("value sw \"a@\"", true)]
    [InlineData("value gt \"a\"", true)]
    [InlineData("value lt \"a\"", false)]
    [InlineData("display pr", false)]
    [InlineData("display eq null", true)]
    [InlineData("primary eq true", true)]
    [InlineData("not (primary eq false)", true)]
    [InlineData("type eq work", true)]
    public void Filters_match_one_value_as_a_list_filter_would(string filter, bool matches)
    {
        var path = ScimPathParser.Parse(ScimResourceType.User, $"emails[{filter}]")!;
        var element = JsonNode.Parse("""{"value":"a@example.com","type":"work","primary":true}""")!.AsObject();

        ValuePathFilters.Matches(ScimResourceType.User, path, element).Should().Be(matches);
    }

    [Fact]
    public void Member_ids_are_case_exact_and_displays_are_not()
    {
        var member = new MemberReference("AbC", ScimResourceType.User, "Alice");

        ValuePathFilters.MatchesMember(MemberFilter("value eq \"abc\""), member).Should().BeFalse();
        ValuePathFilters.MatchesMember(MemberFilter("value eq \"AbC\""), member).Should().BeTrue();
        ValuePathFilters.MatchesMember(MemberFilter("display eq \"ALICE\" and type eq \"User\""), member).Should().BeTrue();
    }

    [Fact]
    public void Equality_filters_describe_the_value_they_match()
    {
        ValuePathFilters.EqualityTemplate(EmailFilter("type eq \"work\" and primary eq true")).ShouldBeJson("""{"type":"work","primary":true}""");
        ValuePathFilters.EqualityTemplate(EmailFilter("type eq \"work\" or type eq \"home\"")).Should().BeNull();
        ValuePathFilters.EqualityTemplate(EmailFilter("type eq \"work\" and type eq \"home\"")).Should().BeNull();
    }

    [Fact]
    public void Member_id_filters_name_their_ids()
    {
        ValuePathFilters.ValueEqualities(MemberFilter("value eq \"a\" or value eq \"b\"")).Should().Equal("a", "b");
        ValuePathFilters.ValueEqualities(MemberFilter("display eq \"a\"")).Should().BeNull();
        ValuePathFilters.ValueEqualities(MemberFilter("value eq \"a\" and type eq \"User\"")).Should().BeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("type")]
    [InlineData("type eq")]
    [InlineData("type eq \"work")]
    [InlineData("type eq \"work\" extra")]
    [InlineData("not type eq \"work\"")]
    [InlineData("colour eq \"red\"")]
    [InlineData("type eq \"a\" or emails[type eq \"b\"")]
    public void Malformed_filters_are_invalidFilter(string filter)
    {
        var parse = () => EmailFilter(filter);

        parse.Should().Throw<ScimException>().Which.ScimType.Should().Be(ScimErrorTypes.InvalidFilter);
    }

    /// <summary>The AST as text, node types and JSON value kinds included (records holding JsonValue do not compare by value).</summary>
    private static string Render(FilterNode node) => node switch
    {
        AndFilter and => $"And({Render(and.Left)}, {Render(and.Right)})",
        OrFilter or => $"Or({Render(or.Left)}, {Render(or.Right)})",
        NotFilter not => $"Not({Render(not.Inner)})",
        ComparisonFilter c => $"Cmp({c.Path}, {c.Operator}, {c.Value?.GetValueKind()}:{c.Value?.ToJsonString()})",
        _ => node.ToString()!,
    };
}
