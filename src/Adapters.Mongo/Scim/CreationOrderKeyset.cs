using System.Globalization;
using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Core.Scim.Resources;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Scim;

/// <summary>
/// Keyset paging (never skip) in the default order of a list without sortBy: creation time, then id, both ascending, which
/// the tenant_type_created index serves in both directions. A position's key is the creation time as ISO-8601 text with
/// milliseconds (what the store holds). A forged key that is no such text sorts before every resource, so any position is
/// accepted and a seek stays within the result.
/// </summary>
internal static class CreationOrderKeyset
{
    private const string KeyFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private static readonly FilterDefinitionBuilder<BsonDocument> Filter = Builders<BsonDocument>.Filter;

    public static ScimSortPosition PositionOf(BsonDocument resource) =>
        new(resource[MongoFields.Created].ToUniversalTime().ToString(KeyFormat, CultureInfo.InvariantCulture), resource[MongoFields.ResourceId].AsString);

    /// <summary>The walk's order: the query's (forward) or its reverse (backward).</summary>
    public static SortDefinition<BsonDocument> Order(bool forward) => forward
        ? Builders<BsonDocument>.Sort.Ascending(MongoFields.Created).Ascending(MongoFields.ResourceId)
        : Builders<BsonDocument>.Sort.Descending(MongoFields.Created).Descending(MongoFields.ResourceId);

    /// <summary>The resources strictly after <paramref name="from"/> in the walk's order.</summary>
    public static FilterDefinition<BsonDocument> After(ScimSortPosition from, bool forward)
    {
        if (from.Key is not string text || !DateTime.TryParseExact(text, KeyFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var created))
        {
            // A forged key sorts before every resource: all of them follow it, none precedes it.
            return forward ? Filter.Empty : Filter.Exists(MongoFields.Id, false);
        }

        var key = new BsonDateTime(DateTime.SpecifyKind(created, DateTimeKind.Utc));
        return forward
            ? Filter.Gt(MongoFields.Created, key) | (Filter.Eq(MongoFields.Created, key) & Filter.Gt(MongoFields.ResourceId, from.Id))
            : Filter.Lt(MongoFields.Created, key) | (Filter.Eq(MongoFields.Created, key) & Filter.Lt(MongoFields.ResourceId, from.Id));
    }

    /// <summary>
    /// The page: count + 1 documents right after the position in the walk's order tell the page and whether more lie beyond
    /// it; one existence check from the page's near edge tells whether any lie on the other side. Backward pages come back
    /// in the query's order.
    /// </summary>
    public static async Task<(List<BsonDocument> Page, ScimPageBounds Bounds)> ReadAsync(
        IMongoCollection<BsonDocument> resources, FilterDefinition<BsonDocument> matching, ScimSeek seek, int count, long total, CancellationToken cancellationToken)
    {
        var forward = seek.Direction == ScimSeekDirection.Forward;
        var limit = Math.Max(count, 0);
        var walk = seek.From is { } from ? matching & After(from, forward) : matching;
        var read = await resources.Find(walk).Sort(Order(forward)).Limit(limit + 1).ToListAsync(cancellationToken);

        var beyond = read.Count > limit;
        var page = read.Take(limit).ToList();
        if (!forward)
        {
            page.Reverse();
        }

        // The near side: nothing precedes a page that starts the result; an empty page lies past every match.
        var nearEdge = page.Count == 0 ? null : PositionOf(forward ? page[0] : page[^1]);
        var near = seek.From is not null && (nearEdge is null
            ? total > 0
            : await resources.Find(matching & After(nearEdge, !forward)).Limit(1).AnyAsync(cancellationToken));
        var bounds = new ScimPageBounds(
            page.Count == 0 ? null : PositionOf(page[0]), page.Count == 0 ? null : PositionOf(page[^1]),
            MoreBefore: forward ? near : beyond, MoreAfter: forward ? beyond : near);
        return (page, bounds);
    }
}
