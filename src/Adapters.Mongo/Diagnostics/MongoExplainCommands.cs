using AutoRfpHex.Adapters.Mongo.Scim;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Diagnostics;

/// <summary>
/// The commands the store sends for a list query, rendered from the very driver operations it runs
/// (<see cref="MongoScimListQuery"/>), and wrapped in <c>explain</c>. Rendering never contacts the server.
/// </summary>
internal static class MongoExplainCommands
{
    public const string Verbosity = "executionStats";

    public static BsonDocument Explain(BsonDocument command) => new() { { "explain", command }, { "verbosity", Verbosity } };

    /// <summary>
    /// The total, as <c>CountDocumentsAsync</c> sends it: an aggregate of the match and a <c>$group</c> counting it (the
    /// driver's documented count shape).
    /// </summary>
    public static BsonDocument Count(IMongoCollection<BsonDocument> resources, MongoScimListQuery list) => new()
    {
        { "aggregate", resources.CollectionNamespace.CollectionName },
        {
            "pipeline", new BsonArray
            {
                new BsonDocument("$match", list.Filter.Render(Args(resources))),
                new BsonDocument("$group", new BsonDocument { { "_id", 1 }, { "n", new BsonDocument("$sum", 1) } }),
            }
        },
        { "cursor", new BsonDocument() },
    };

    /// <summary>The startIndex page: a find without sortBy, the key-computing pipeline with it.</summary>
    public static BsonDocument Page(IMongoCollection<BsonDocument> resources, MongoScimListQuery list) =>
        list.Order is { } order ? Aggregate(resources, list.SortedPage(resources, order)) : Find(resources, list.CreationOrderPage(resources));

    private static BsonDocument Find(IMongoCollection<BsonDocument> resources, IFindFluent<BsonDocument, BsonDocument> find)
    {
        var args = Args(resources);
        var command = new BsonDocument { { "find", resources.CollectionNamespace.CollectionName }, { "filter", find.Filter.Render(args) } };
        command.AddRange(new BsonDocument
        {
            { "sort", find.Options.Sort?.Render(args), find.Options.Sort is not null },
            { "skip", find.Options.Skip ?? 0, find.Options.Skip is not null },
            { "limit", find.Options.Limit ?? 0, find.Options.Limit is not null },
        });
        return command;
    }

    private static BsonDocument Aggregate(IMongoCollection<BsonDocument> resources, IAggregateFluent<BsonDocument> pipeline)
    {
        var stages = new PipelineStagePipelineDefinition<BsonDocument, BsonDocument>(pipeline.Stages).Render(Args(resources)).Documents;
        var command = new BsonDocument { { "aggregate", resources.CollectionNamespace.CollectionName }, { "pipeline", new BsonArray(stages) } };
        if (pipeline.Options.AllowDiskUse is { } allowDiskUse)
        {
            command.Add("allowDiskUse", allowDiskUse);
        }

        return command.Add("cursor", new BsonDocument());
    }

    private static RenderArgs<BsonDocument> Args(IMongoCollection<BsonDocument> resources) =>
        new(resources.DocumentSerializer, resources.Settings.SerializerRegistry);
}
