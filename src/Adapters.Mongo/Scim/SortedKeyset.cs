using AutoRfpHex.Adapters.Mongo.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Scim;

/// <summary>
/// Lists with sortBy: the key is computed in the pipeline (<see cref="MongoSortOrder.Stages"/>, after the filter's
/// <c>$match</c>), so the order, the page and the keyset seek all run in the server. Pages read as
/// <see cref="CreationOrderKeyset"/> does: count + 1 rows past the position, one existence check on the near side.
/// </summary>
internal static class SortedKeyset
{
    /// <summary>The matching resources in <paramref name="order"/>, strictly after <paramref name="from"/> when given.</summary>
    public static IAggregateFluent<BsonDocument> Walk(
        IMongoCollection<BsonDocument> resources, FilterDefinition<BsonDocument> matching, MongoSortOrder order, ScimSortPosition? from)
    {
        // A computed-key sort cannot use an index; large tenants may need more than the in-memory sort limit.
        var pipeline = resources.Aggregate(new AggregateOptions { AllowDiskUse = true }).Match(matching);
        foreach (var stage in order.Stages)
        {
            pipeline = pipeline.AppendStage<BsonDocument>(stage);
        }

        if (from is not null)
        {
            pipeline = pipeline.Match(order.After(from));
        }

        return pipeline.Sort(order.Sort);
    }

    public static async Task<(List<BsonDocument> Page, ScimPageBounds Bounds)> ReadAsync(
        IMongoCollection<BsonDocument> resources, FilterDefinition<BsonDocument> matching, MongoSortOrder order, ScimSeek seek, int count, long total, CancellationToken cancellationToken)
    {
        var forward = seek.Direction == ScimSeekDirection.Forward;
        var limit = Math.Max(count, 0);
        var read = await Walk(resources, matching, forward ? order : order.Reversed, seek.From).Limit(limit + 1).ToListAsync(cancellationToken);

        var beyond = read.Count > limit;
        var page = read.Take(limit).ToList();
        if (!forward)
        {
            page.Reverse();
        }

        // The near side: nothing precedes a page that starts the result; an empty page lies past every match.
        var nearEdge = page.Count == 0 ? null : order.PositionOf(forward ? page[0] : page[^1]);
        var near = seek.From is not null && (nearEdge is null
            ? total > 0
            : await Walk(resources, matching, forward ? order.Reversed : order, nearEdge).Limit(1).AnyAsync(cancellationToken));
        var bounds = new ScimPageBounds(
            page.Count == 0 ? null : order.PositionOf(page[0]), page.Count == 0 ? null : order.PositionOf(page[^1]),
            MoreBefore: forward ? near : beyond, MoreAfter: forward ? beyond : near);
        return (page, bounds);
    }
}
