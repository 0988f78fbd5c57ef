using AutoRfpHex.Adapters.Mongo.Documents;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Tests.Rendering;

/// <summary>Renders driver definitions to the BSON the server receives, so tests compare documents, not builder calls.</summary>
internal static class BsonRendering
{
    public static BsonDocument Render<T>(this FilterDefinition<T> filter) => filter.Render(Args<T>());

    public static BsonDocument Render<T>(this SortDefinition<T> sort) => sort.Render(Args<T>());

    public static BsonDocument Render<T>(this UpdateDefinition<T> update) => update.Render(Args<T>()).AsBsonDocument;

    /// <summary>The stages as the driver renders the pipeline it sends (<c>aggregate([...])</c>).</summary>
    public static List<BsonDocument> RenderStages(this IAggregateFluent<BsonDocument> pipeline)
    {
        var text = pipeline.ToString()!;
        var array = text[(text.IndexOf('(') + 1)..text.LastIndexOf(')')];
        return BsonDocument.Parse("{ stages: " + array + " }")["stages"].AsBsonArray.Select(s => s.AsBsonDocument).ToList();
    }

    /// <summary>The index as the createIndexes command spells it: key, name, and the options that are set.</summary>
    public static BsonDocument Render(this CreateIndexModel<BsonDocument> index)
    {
        var options = index.Options;
        var document = new BsonDocument { { "key", index.Keys.Render(Args<BsonDocument>()) }, { "name", options.Name } };
        if (options.Unique == true)
        {
            document.Add("unique", true);
        }

        if (options.Collation is { } collation)
        {
            document.Add("collation", collation.ToBsonDocument());
        }

        if (options is CreateIndexOptions<BsonDocument> { PartialFilterExpression: { } partial })
        {
            document.Add("partialFilterExpression", partial.Render());
        }

        if (options.ExpireAfter is { } expireAfter)
        {
            document.Add("expireAfterSeconds", (long)expireAfter.TotalSeconds);
        }

        return document;
    }

    /// <summary>Compares as relaxed extended JSON, so a failure shows both documents readably.</summary>
    public static void ShouldRenderAs(this BsonDocument actual, BsonDocument expected) =>
        actual.ToJson().Should().Be(expected.ToJson());

    public static void ShouldRenderAs(this BsonDocument actual, string expectedJson) => actual.ShouldRenderAs(BsonDocument.Parse(expectedJson));

    private static RenderArgs<T> Args<T>()
    {
        MongoDocumentConventions.EnsureRegistered();
        return new(BsonSerializer.LookupSerializer<T>(), BsonSerializer.SerializerRegistry);
    }
}
