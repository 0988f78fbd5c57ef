using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Adapters.Mongo.Tests.Filtering;

/// <summary>and/or precedence from the AST, not as $nor, value paths as $elemMatch or a guarded single value.</summary>
public sealed class LogicAndValuePathRenderingTests
{
    [Fact]
    public void And_binds_tighter_than_or_as_the_parser_nests_it() =>
        "userName eq \"a\" or userName eq \"b\" and active eq true".ShouldRender(
            "{ '$or': [ { 'search.userName': 'A' }, { '$and': [ { 'search.userName': 'B' }, { 'search.active': true } ] } ] }");

    [Fact]
    public void Parentheses_change_the_nesting() =>
        "(userName eq \"a\" or userName eq \"b\") and active eq true".ShouldRender(
            "{ '$and': [ { '$or': [ { 'search.userName': 'A' }, { 'search.userName': 'B' } ] }, { 'search.active': true } ] }");

    [Fact]
    public void Chains_of_one_operator_flatten() =>
        "title eq \"a\" and nickName eq \"b\" and locale eq \"c\"".ShouldRender(
            "{ '$and': [ { 'search.title': 'A' }, { 'search.nickName': 'B' }, { 'search.locale': 'C' } ] }");

    [Fact]
    public void Not_negates_the_whole_condition_so_documents_without_the_field_match() =>
        "not (title eq \"x\" or active eq true)".ShouldRender(
            "{ '$nor': [ { '$or': [ { 'search.title': 'X' }, { 'search.active': true } ] } ] }");

    [Fact]
    public void Double_negation_cancels() =>
        "not (not (title eq \"x\")) and not (not (not (title eq \"y\")))".ShouldRender(
            "{ '$and': [ { 'search.title': 'X' }, { '$nor': [ { 'search.title': 'Y' } ] } ] }");

    [Fact]
    public void Not_of_ne_is_eq() => "not (title ne \"x\")".ShouldRender("{ 'search.title': 'X' }");

    [Fact]
    public void A_multi_valued_value_path_is_one_elemMatch_over_the_same_element() =>
        "emails[type eq \"work\" and value co \"@x.com\"]".ShouldRender(
            "{ 'search.emails': { '$elemMatch': { '$and': [ { 'type': 'WORK' }, { 'value': /\\@X\\.COM/ } ] } } }");

    [Fact]
    public void Entra_value_path_with_a_trailing_sub_attribute_is_one_element_too() =>
        "emails[type eq \"work\"].value eq \"a@x.com\"".ShouldRender(
            "{ 'search.emails': { '$elemMatch': { '$and': [ { 'type': 'WORK' }, { 'value': 'A@X.COM' } ] } } }");

    [Fact]
    public void Negation_inside_a_value_path_is_per_element() =>
        "emails[not (type eq \"work\") and primary eq true]".ShouldRender(
            "{ 'search.emails': { '$elemMatch': { '$and': [ { '$nor': [ { 'type': 'WORK' } ] }, { 'primary': true } ] } } }");

    [Fact]
    public void Presence_inside_a_value_path_reads_the_element() =>
        "addresses[postalCode pr]".ShouldRender(
            "{ 'search.addresses': { '$elemMatch': { '$or': [ { 'postalCode': { '$gt': '' } }, { 'postalCode': { '$type': ['number', 'bool', 'date'] } } ] } } }");

    [Fact]
    public void A_single_complex_value_path_is_that_value_when_it_is_there() =>
        "name[givenName eq \"Ann\" and not (familyName pr)]".ShouldRender(
            "{ '$and': [ { 'search.name': { '$ne': null } }, { 'search.name.givenName': 'ANN' }, " +
            "{ '$nor': [ { '$or': [ { 'search.name.familyName': { '$gt': '' } }, { 'search.name.familyName': { '$type': ['number', 'bool', 'date'] } } ] } ] } ] }");

    [Fact]
    public void A_value_path_with_or_keeps_both_sides_on_one_element() =>
        "roles[value eq \"admin\" or primary eq true]".ShouldRender(
            "{ 'search.roles': { '$elemMatch': { '$or': [ { 'value': 'ADMIN' }, { 'primary': true } ] } } }");

    [Fact]
    public void An_enterprise_value_path_uses_the_extension_key() =>
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager[value eq \"M\"]".ShouldRender(
            "{ '$and': [ { 'search." + MongoRendering.EnterpriseKey + ".manager': { '$ne': null } }, { 'search." + MongoRendering.EnterpriseKey + ".manager.value': 'M' } ] }");

    [Fact]
    public void Never_and_always_simplify_without_changing_meaning()
    {
        var searched = new[] { ScimResourceType.User, ScimResourceType.Group };
        var translator = new Mongo.Filtering.MongoFilterTranslator(ScimResourceType.Group, _ => []);
        var filter = Core.Scim.Filtering.ScimFilterParser.Parse("displayName eq \"g\" or userName eq \"u\"", ScimResourceType.Group, searched);

        MongoRendering.Json(translator.Translate(filter)).Should().Be(MongoRendering.Expected("{ 'search.displayName': 'G' }"));
    }
}
