using AutoRfpHex.Adapters.Mongo.Filtering;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Scim;

/// <summary>
/// One list query as the store sends it: the match (tenant, type and the translated filter with its lookups resolved), the
/// order (null without sortBy: creation order) and the startIndex page. The store runs these, and the diagnostics explain
/// these same operations, so what is measured is what runs.
/// </summary>
/// <param name="Limit">The page size (<c>count</c>, at least 0).</param>
/// <param name="Offset">Results skipped before the page (<c>startIndex - 1</c>).</param>
internal sealed record MongoScimListQuery(FilterDefinition<BsonDocument> Filter, MongoSortOrder? Order, int Limit, int Offset)
{
    /// <summary>Whether a startIndex page of <paramref name="total"/> results has no rows, so no page is read.</summary>
    public bool PageIsEmpty(long total) => Limit == 0 || Offset >= total;

    /// <summary>The startIndex page without sortBy: a plain find.</summary>
    public IFindFluent<BsonDocument, BsonDocument> CreationOrderPage(IMongoCollection<BsonDocument> resources) =>
        resources.Find(Filter).Sort(MongoScimResourceStore.DefaultOrder).Skip(Offset).Limit(Limit);

    /// <summary>The startIndex page with sortBy: the pipeline computes the key (<see cref="SortedKeyset"/>).</summary>
    public IAggregateFluent<BsonDocument> SortedPage(IMongoCollection<BsonDocument> resources, MongoSortOrder order) =>
        SortedKeyset.Walk(resources, Filter, order, from: null).Skip(Offset).Limit(Limit);
}
