using AutoRfpHex.Adapters.Mongo.Filtering;
using AutoRfpHex.Adapters.Mongo.Scim;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Tests.Rendering;

/// <summary>The aggregation a list with sortBy sends: filter, computed key, seek on the key, then the order.</summary>
public sealed class SortedListPipelineRenderingTests
{
    // No operation runs: building a pipeline never contacts the server.
    private static readonly IMongoCollection<BsonDocument> Resources =
        new MongoClient("mongodb://127.0.0.1:1").GetDatabase("render").GetCollection<BsonDocument>("scimResources");

    private static readonly MongoSortOrder ByUserName = new MongoScimQueryTranslation().Order(
        ScimResourceType.User, new SortSpecification(new AttributePath(null, "userName"), Descending: false));

    [Fact]
    public void A_sorted_page_matches_then_computes_the_key_then_sorts_on_it()
    {
        var stages = Stages(SortedKeyset.Walk(Resources, new BsonDocument("type", "User"), ByUserName, from: null));

        stages.Select(s => s.GetElement(0).Name).Should().Equal("$match", "$addFields", "$addFields", "$sort");
        stages[^1]["$sort"].Should().Be(ByUserName.Sort);
    }

    [Fact]
    public void A_sorted_seek_matches_after_the_position_once_the_key_is_computed()
    {
        var from = new ScimSortPosition("BOB", "u-1");

        var stages = Stages(SortedKeyset.Walk(Resources, new BsonDocument("type", "User"), ByUserName, from));

        stages.Select(s => s.GetElement(0).Name).Should().Equal("$match", "$addFields", "$addFields", "$match", "$sort");
        stages[3]["$match"].Should().Be(ByUserName.After(from));
    }

    /// <summary>The stages as the driver renders the pipeline (<c>aggregate([...])</c>).</summary>
    private static List<BsonDocument> Stages(IAggregateFluent<BsonDocument> pipeline)
    {
        var text = pipeline.ToString()!;
        var array = text[(text.IndexOf('(') + 1)..text.LastIndexOf(')')];
        return BsonDocument.Parse("{ stages: " + array + " }")["stages"].AsBsonArray.Select(s => s.AsBsonDocument).ToList();
    }
}
