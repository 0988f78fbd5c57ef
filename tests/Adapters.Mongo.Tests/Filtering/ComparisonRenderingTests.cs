using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Adapters.Mongo.Tests.Filtering;

/// <summary>Each operator on each attribute type, against the search view (folded where the attribute is not caseExact).</summary>
public sealed class ComparisonRenderingTests
{
    private const string Assigned = "{ '$or': [ { 'search.userName': { '$gt': '' } }, { 'search.userName': { '$type': ['number', 'bool', 'date'] } } ] }";

    [Theory]
    [InlineData("userName eq \"Bob\"", "{ 'search.userName': 'BOB' }")]
    [InlineData("userName gt \"b\"", "{ 'search.userName': { '$gt': 'B' } }")]
    [InlineData("userName ge \"b\"", "{ 'search.userName': { '$gte': 'B' } }")]
    [InlineData("userName lt \"b\"", "{ 'search.userName': { '$lt': 'B' } }")]
    [InlineData("userName le \"b\"", "{ 'search.userName': { '$lte': 'B' } }")]
    [InlineData("userName sw \"bo\"", "{ 'search.userName': /^BO/ }")]
    [InlineData("userName co \"ob\"", "{ 'search.userName': /OB/ }")]
    [InlineData("userName ew \"ob\"", "{ 'search.userName': /OB\\z/ }")]
    [InlineData("userName ne \"Bob\"", "{ '$nor': [ { 'search.userName': 'BOB' } ] }")]
    public void Case_insensitive_strings_compare_folded_values_on_the_search_view(string filter, string expected) =>
        filter.ShouldRender(expected);

    [Theory]
    [InlineData("externalId eq \"AbC\"", "{ 'search.externalId': 'AbC' }")]
    [InlineData("externalId sw \"Ab\"", "{ 'search.externalId': /^Ab/ }")]
    [InlineData("id eq \"AbC\"", "{ 'resourceId': 'AbC' }")]
    [InlineData("id gt \"a\"", "{ 'resourceId': { '$gt': 'a' } }")]
    public void CaseExact_strings_compare_as_written(string filter, string expected) => filter.ShouldRender(expected);

    [Theory]
    [InlineData("active eq true", "{ 'search.active': true }")]
    [InlineData("active eq false", "{ 'search.active': false }")]
    [InlineData("active eq \"true\"", "{ 'search.active': true }")]
    [InlineData("active ne true", "{ '$nor': [ { 'search.active': true } ] }")]
    public void Booleans_compare_with_eq_only(string filter, string expected) => filter.ShouldRender(expected);

    [Theory]
    [InlineData("meta.created gt \"2026-01-01T00:00:00Z\"", "{ 'created': { '$gt': ISODate('2026-01-01T00:00:00Z') } }")]
    [InlineData("meta.created ge \"2026-01-01T00:00:00Z\"", "{ 'created': { '$gte': ISODate('2026-01-01T00:00:00Z') } }")]
    [InlineData("meta.lastModified lt \"2026-01-01T01:00:00+01:00\"", "{ 'lastModified': { '$lt': ISODate('2026-01-01T00:00:00Z') } }")]
    [InlineData("meta.lastModified le \"2026-01-01T00:00:00Z\"", "{ 'lastModified': { '$lte': ISODate('2026-01-01T00:00:00Z') } }")]
    [InlineData("meta.created eq \"2026-01-01T00:00:00.123Z\"", "{ 'created': ISODate('2026-01-01T00:00:00.123Z') }")]
    public void DateTimes_compare_as_BSON_dates(string filter, string expected) => filter.ShouldRender(expected);

    [Theory]
    [InlineData("meta.created gt \"2026-01-01T00:00:00.0001Z\"", "{ 'created': { '$gte': ISODate('2026-01-01T00:00:00.001Z') } }")]
    [InlineData("meta.created ge \"2026-01-01T00:00:00.0001Z\"", "{ 'created': { '$gte': ISODate('2026-01-01T00:00:00.001Z') } }")]
    [InlineData("meta.created lt \"2026-01-01T00:00:00.0009Z\"", "{ 'created': { '$lte': ISODate('2026-01-01T00:00:00Z') } }")]
    [InlineData("meta.created le \"2026-01-01T00:00:00.0009Z\"", "{ 'created': { '$lte': ISODate('2026-01-01T00:00:00Z') } }")]
    [InlineData("meta.created eq \"2026-01-01T00:00:00.0009Z\"", "{ '_id': { '$in': [] } }")]
    [InlineData("meta.created ne \"2026-01-01T00:00:00.0009Z\"", "{ }")]
    public void Sub_millisecond_instants_round_so_that_millisecond_dates_answer_exactly(string filter, string expected) =>
        filter.ShouldRender(expected);

    [Theory]
    [InlineData("meta.resourceType eq \"user\"", "{ '_id': { '$in': [] } }")] // caseExact: no known value matches
    [InlineData("meta.resourceType eq \"User\"", "{ 'type': { '$in': ['User'] } }")]
    [InlineData("meta.resourceType co \"r\"", "{ 'type': { '$in': ['User', 'Group'] } }")]
    [InlineData("meta.resourceType gt \"H\"", "{ 'type': { '$in': ['User'] } }")]
    public void Resource_types_are_decided_on_the_known_values(string filter, string expected) => filter.ShouldRender(expected);

    [Theory]
    [InlineData("meta.version eq \"W/\\\"3\\\"\"", "{ 'version': NumberLong(3) }")]
    [InlineData("meta.version eq \"3\"", "{ '_id': { '$in': [] } }")]
    [InlineData("meta.version co \"3\"", "{ '$expr': { '$regexMatch': { 'input': { '$concat': ['W/\"', { '$toString': '$version' }, '\"'] }, 'regex': /3/ } } }")]
    [InlineData("meta.version gt \"W/\\\"3\\\"\"", "{ '$expr': { '$gt': [ { '$concat': ['W/\"', { '$toString': '$version' }, '\"'] }, { '$literal': 'W/\"3\"' } ] } }")]
    [InlineData("meta.version pr", "{ }")]
    public void Meta_version_is_the_etag_of_the_version_number(string filter, string expected) => filter.ShouldRender(expected);

    [Theory]
    [InlineData("userName pr", Assigned)]
    [InlineData("userName ne null", Assigned)]
    [InlineData("userName eq null", "{ '$nor': [ " + Assigned + " ] }")]
    [InlineData("meta pr", "{ }")]
    [InlineData("meta.created pr", "{ '$or': [ { 'created': { '$gt': '' } }, { 'created': { '$type': ['number', 'bool', 'date'] } } ] }")]
    public void Presence_means_some_value_is_assigned(string filter, string expected) => filter.ShouldRender(expected);

    [Fact]
    public void A_complex_attribute_is_present_when_one_sub_attribute_is()
    {
        var rendered = MongoRendering.Render("name pr");

        foreach (var sub in new[] { "formatted", "familyName", "givenName", "middleName", "honorificPrefix", "honorificSuffix" })
        {
            rendered.Should().Contain($"\"search.name.{sub}\" : {{ \"$gt\" : \"\" }}");
        }

        rendered.Should().StartWith("{ \"$or\" : [");
    }

    [Theory]
    [InlineData("emails eq \"Bob@X.com\"", "{ 'search.emails.value': 'BOB@X.COM' }")]
    [InlineData("emails.type eq \"work\"", "{ 'search.emails.type': 'WORK' }")]
    [InlineData("emails.primary eq true", "{ 'search.emails.primary': true }")]
    [InlineData("emails.value ne \"a\"", "{ '$nor': [ { 'search.emails.value': 'A' } ] }")]
    public void Multi_valued_sub_attributes_match_when_any_element_does(string filter, string expected) => filter.ShouldRender(expected);

    [Theory]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"E1\"",
        "{ 'search." + MongoRendering.EnterpriseKey + ".employeeNumber': 'E1' }")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"m1\"",
        "{ 'search." + MongoRendering.EnterpriseKey + ".manager.value': 'M1' }")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department sw \"Eng\"",
        "{ 'search." + MongoRendering.EnterpriseKey + ".department': /^ENG/ }")]
    public void Extension_attributes_live_under_their_dot_free_schema_key(string filter, string expected) => filter.ShouldRender(expected);

    [Fact]
    public void Another_types_attribute_names_nothing_here()
    {
        var searched = new[] { ScimResourceType.User, ScimResourceType.Group };
        var translator = new Mongo.Filtering.MongoFilterTranslator(ScimResourceType.Group, _ => []);

        MongoRendering.Json(translator.Translate(Core.Scim.Filtering.ScimFilterParser.Parse("userName eq \"x\"", ScimResourceType.Group, searched)))
            .Should().Be(MongoRendering.Expected("{ '_id': { '$in': [] } }"));
        MongoRendering.Json(translator.Translate(Core.Scim.Filtering.ScimFilterParser.Parse("not (userName pr)", ScimResourceType.Group, searched)))
            .Should().Be(MongoRendering.Expected("{ }"));
    }

    [Fact]
    public void A_hand_built_path_naming_the_core_schema_reads_the_core_attribute()
    {
        var path = new Core.Scim.Filtering.AttributePath("urn:ietf:params:scim:schemas:core:2.0:User", "userName");
        var filter = new Core.Scim.Filtering.ComparisonFilter(path, Core.Scim.Filtering.ComparisonOperator.Equal, System.Text.Json.Nodes.JsonValue.Create("x"));

        MongoRendering.Json(new Mongo.Filtering.MongoFilterTranslator(ScimResourceType.User, _ => []).Translate(filter))
            .Should().Be(MongoRendering.Expected("{ 'search.userName': 'X' }"));
    }
}
