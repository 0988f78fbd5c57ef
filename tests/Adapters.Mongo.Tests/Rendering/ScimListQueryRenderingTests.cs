using AutoRfpHex.Adapters.Mongo.Filtering;
using AutoRfpHex.Adapters.Mongo.Scim;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Tests.Rendering;

/// <summary>
/// What the registered translation sends for a list: with sortBy, the filter, the computed key, the seek on the key, then
/// the order; and never a filter MongoDB cannot carry.
/// </summary>
public sealed class ScimListQueryRenderingTests
{
    // No operation runs: building a pipeline never contacts the server.
    private static readonly IMongoCollection<BsonDocument> Resources =
        new MongoClient("mongodb://127.0.0.1:1").GetDatabase("render").GetCollection<BsonDocument>("scimResources");

    private static readonly MongoSortOrder ByDisplayName = Order("displayName"); // optional: computed key

    private static readonly MongoSortOrder ByUserName = Order("userName"); // every user has one: the stored field

    [Fact]
    public void A_sorted_page_matches_then_computes_the_key_then_sorts_on_it()
    {
        var stages = SortedKeyset.Walk(Resources, new BsonDocument("type", "User"), ByDisplayName, from: null).RenderStages();

        stages.Select(s => s.GetElement(0).Name).Should().Equal("$match", "$addFields", "$addFields", "$sort");
        stages[^1]["$sort"].Should().Be(ByDisplayName.Sort);
    }

    [Fact]
    public void A_sorted_seek_matches_after_the_position_once_the_key_is_computed()
    {
        var from = new ScimSortPosition("BOB", "u-1");

        var stages = SortedKeyset.Walk(Resources, new BsonDocument("type", "User"), ByDisplayName, from).RenderStages();

        stages.Select(s => s.GetElement(0).Name).Should().Equal("$match", "$addFields", "$addFields", "$match", "$sort");
        stages[3]["$match"].Should().Be(ByDisplayName.After(from));
    }

    [Fact]
    public void A_page_sorted_on_a_stored_key_field_is_only_matches_and_a_sort_which_MongoDB_runs_on_the_index()
    {
        var from = new ScimSortPosition("BOB", "u-1");

        var page = SortedKeyset.Walk(Resources, new BsonDocument("type", "User"), ByUserName, from: null).RenderStages();
        var seek = SortedKeyset.Walk(Resources, new BsonDocument("type", "User"), ByUserName, from).RenderStages();

        page.Select(s => s.GetElement(0).Name).Should().Equal("$match", "$sort");
        page[1]["$sort"].Should().Be(new BsonDocument("search.userName", 1));
        seek.Select(s => s.GetElement(0).Name).Should().Equal("$match", "$match", "$sort");
        seek[1]["$match"].ToJson().Should().NotContain("$expr", "a plain range can use the index");
    }

    private static MongoSortOrder Order(string attribute) => new MongoScimQueryTranslation().Order(
        ScimResourceType.User, new SortSpecification(new AttributePath(null, attribute), Descending: false));

    [Fact]
    public void A_filter_value_MongoDB_cannot_carry_is_a_400_invalidFilter()
    {
        // The Core parser refuses this text; a filter built otherwise (or a future parser) must still not reach MongoDB.
        var filter = new ComparisonFilter(new AttributePath(null, "userName"), ComparisonOperator.Contains, System.Text.Json.Nodes.JsonValue.Create("\uD800"));

        var translate = () => new MongoScimQueryTranslation().Filter(ScimResourceType.User, filter, new Dictionary<MongoLookup, IReadOnlyCollection<string>>());

        translate.Should().Throw<Core.Scim.ScimException>().Which.ScimType.Should().Be("invalidFilter");
    }
}
