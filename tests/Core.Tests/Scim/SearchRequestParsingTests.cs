using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;
using AutoRfpHex.Core.Scim.Service;

namespace AutoRfpHex.Core.Tests.Scim;

/// <summary>RFC 7644 §3.4.3 SearchRequest bodies: what each member means, and every malformed kind refused before the store is read.</summary>
public sealed class SearchRequestParsingTests
{
    private const string Urn = ScimSchemaUris.SearchRequest;

    private static ScimListRequest Parse(string members) =>
        SearchRequestParser.Parse(ScimTestHost.Json($$"""{"schemas":["{{Urn}}"]{{(members.Length == 0 ? "" : "," + members)}}}"""));

    [Fact]
    public void Every_member_maps_to_the_list_parameter_of_the_same_name()
    {
        var request = Parse("""
            "attributes":["userName","emails"],"excludedAttributes":["groups"],"filter":"userName sw \"a\"",
            "sortBy":"name.familyName","sortOrder":"descending","startIndex":3,"count":25,"cursor":""
            """);

        request.Filter.Should().Be("userName sw \"a\"");
        request.SortBy.Should().Be("name.familyName");
        request.SortOrder.Should().Be("descending");
        request.StartIndex.Should().Be(3);
        request.Count.Should().Be(25);
        request.Selection.Attributes.Should().Equal("userName", "emails");
        request.Selection.ExcludedAttributes.Should().Equal("groups");
        request.Cursor.Should().Be(string.Empty, "an empty cursor asks for the first cursor page (RFC 9865)");
    }

    [Fact]
    public void Only_schemas_is_required_and_absent_members_stay_unset()
    {
        var request = Parse(string.Empty);

        request.Should().BeEquivalentTo(new ScimListRequest(null, null, null, null, null, AttributeSelection.All, null));
    }

    [Fact]
    public void Member_names_match_in_any_case_and_null_means_absent()
    {
        var request = SearchRequestParser.Parse(ScimTestHost.Json($$"""
            {"SCHEMAS":["{{Urn.ToUpperInvariant()}}"],"Filter":"userName pr","COUNT":2,"sortBy":null,"cursor":null,"attributes":null}
            """));

        request.Filter.Should().Be("userName pr");
        request.Count.Should().Be(2);
        request.SortBy.Should().BeNull();
        request.Cursor.Should().BeNull("null is the same as leaving the member out (RFC 7643 §2.5), not a cursor request");
        request.Selection.Attributes.Should().BeNull();
    }

    [Theory]
    [InlineData("\"userName,emails\"")]
    [InlineData("\" userName , emails ,\"")]
    [InlineData("[\"userName\",\"emails\"]")]
    [InlineData("[\"userName, emails\"]")]
    [InlineData("[\"userName\",\"\",\"emails\"]")]
    public void Attribute_lists_may_be_arrays_or_comma_separated_strings(string attributes)
    {
        var request = Parse($"\"attributes\":{attributes},\"excludedAttributes\":{attributes}");

        request.Selection.Attributes.Should().Equal("userName", "emails");
        request.Selection.ExcludedAttributes.Should().Equal("userName", "emails");
    }

    [Fact]
    public void Negative_and_zero_paging_values_pass_through_for_the_list_rules_to_clamp()
    {
        var request = Parse("\"startIndex\":-4,\"count\":0");

        (request.StartIndex, request.Count).Should().Be((-4, 0));
    }

    [Theory]
    [InlineData("{}", "must list 'urn:ietf:params:scim:api:messages:2.0:SearchRequest' in \"schemas\"")]
    [InlineData("""{"schemas":null}""", "in \"schemas\"")]
    [InlineData("""{"schemas":"urn:ietf:params:scim:api:messages:2.0:SearchRequest"}""", "in \"schemas\"")]
    [InlineData("""{"schemas":[]}""", "in \"schemas\"")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}""", "in \"schemas\"")]
    [InlineData("""{"schemas":[7]}""", "in \"schemas\"")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filtr":"userName eq \"x\""}""", "Unknown SearchRequest member(s) 'filtr'")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"id":"1","meta":{}}""", "'id', 'meta'")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"a","FILTER":"b"}""", "\"filter\" appears more than once")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"count":null,"Count":5}""", "\"count\" appears more than once")]
    public void A_body_that_is_no_SearchRequest_is_400_invalidSyntax(string body, string detail)
    {
        var act = () => SearchRequestParser.Parse(ScimTestHost.Json(body));

        var refusal = act.Should().ThrowExactly<ScimException>().Which;
        (refusal.Status, refusal.ScimType).Should().Be((400, ScimErrorTypes.InvalidSyntax));
        refusal.Detail.Should().Contain(detail);
    }

    [Theory]
    [InlineData("\"filter\":5", "SearchRequest \"filter\" must be a string, not 5.")]
    [InlineData("\"filter\":{\"op\":\"eq\"}", "SearchRequest \"filter\" must be a string, not an object.")]
    [InlineData("\"sortBy\":[\"userName\"]", "SearchRequest \"sortBy\" must be a string, not an array.")]
    [InlineData("\"sortOrder\":true", "SearchRequest \"sortOrder\" must be a string, not true.")]
    [InlineData("\"cursor\":1", "SearchRequest \"cursor\" must be a string, not 1.")]
    [InlineData("\"startIndex\":\"1\"", "SearchRequest \"startIndex\" must be a 32-bit integer, not \"1\".")]
    [InlineData("\"count\":1.5", "SearchRequest \"count\" must be a 32-bit integer, not 1.5.")]
    [InlineData("\"count\":99999999999", "SearchRequest \"count\" must be a 32-bit integer, not 99999999999.")]
    [InlineData("\"count\":false", "SearchRequest \"count\" must be a 32-bit integer, not false.")]
    [InlineData("\"attributes\":5", "SearchRequest \"attributes\" must be an array of attribute names (strings), not 5.")]
    [InlineData("\"attributes\":[\"userName\",3]", "SearchRequest \"attributes\" must be an array of attribute names (strings), but element 2 is 3.")]
    [InlineData("\"excludedAttributes\":[null]", "SearchRequest \"excludedAttributes\" must be an array of attribute names (strings), but element 1 is null.")]
    [InlineData("\"excludedAttributes\":{\"members\":true}", "SearchRequest \"excludedAttributes\" must be an array of attribute names (strings), not an object.")]
    public void A_member_of_the_wrong_JSON_type_is_400_invalidValue_naming_it(string member, string detail)
    {
        var act = () => Parse(member);

        var refusal = act.Should().ThrowExactly<ScimException>().Which;
        (refusal.Status, refusal.ScimType).Should().Be((400, ScimErrorTypes.InvalidValue));
        refusal.Detail.Should().Be(detail);
    }

    [Fact]
    public async Task A_wrong_sortOrder_is_refused_even_without_sortBy_as_on_GET()
    {
        var host = new ScimTestHost();
        var body = ScimTestHost.Json($$"""{"schemas":["{{Urn}}"],"sortOrder":"sideways"}""");

        var refusal = await ((Func<Task>)(() => host.Service.SearchAsync(host.Context, ScimResourceType.Group, body, CancellationToken.None)))
            .ShouldBeRefused(400, ScimErrorTypes.InvalidValue);

        refusal.Detail.Should().Be("sortOrder must be 'ascending' or 'descending', not 'sideways'.");
    }

    [Fact]
    public void A_long_wrong_value_is_described_not_echoed()
    {
        var act = () => Parse($"\"count\":\"{new string('9', 500)}\"");

        act.Should().ThrowExactly<ScimException>().Which.Detail.Should().Be("SearchRequest \"count\" must be a 32-bit integer, not a long string.");
    }

    [Theory]
    [InlineData("""{"filter":"userName sw \"b\"","sortBy":"userName","sortOrder":"descending","startIndex":2,"count":2}""", "filter=userName sw \"b\"|sortBy=userName|sortOrder=descending|startIndex=2|count=2")]
    [InlineData("""{"attributes":["userName"],"excludedAttributes":"emails"}""", "attributes=userName|excludedAttributes=emails")]
    [InlineData("""{"filter":"emails[type eq \"work\"].value ew \"example\"","count":0}""", "filter=emails[type eq \"work\"].value ew \"example\"|count=0")]
    [InlineData("""{"filter":"  "}""", "filter=  ")]
    public async Task A_search_answers_exactly_what_the_same_list_parameters_answer(string members, string parameters)
    {
        var host = new ScimTestHost();
        foreach (var name in new[] { "bob@x.example", "beth@x.example", "ann@x.example", "bert@x.example" })
        {
            await host.CreateUser(name, $$"""
                "emails":[{"value":"{{name}}","type":"work"}]
                """);
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var body = ScimTestHost.Json(members);
        body["schemas"] = new JsonArray(Urn);
        var query = parameters.Split('|').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var list = await host.Service.ListAsync(host.Context, ScimResourceType.User, new ScimListRequest(
            query.GetValueOrDefault("filter"), query.GetValueOrDefault("sortBy"), query.GetValueOrDefault("sortOrder"),
            query.TryGetValue("startIndex", out var start) ? int.Parse(start) : null, query.TryGetValue("count", out var count) ? int.Parse(count) : null,
            AttributeSelection.FromQuery(query.GetValueOrDefault("attributes"), query.GetValueOrDefault("excludedAttributes"))), CancellationToken.None);

        var searched = await host.Service.SearchAsync(host.Context, ScimResourceType.User, body, CancellationToken.None);

        searched.ShouldBeJson(list.ToJsonString());
        list["totalResults"]!.GetValue<int>().Should().BeGreaterThan(0, "the comparison must be about something");
    }
}
