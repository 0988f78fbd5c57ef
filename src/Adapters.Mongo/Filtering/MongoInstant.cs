using AutoRfpHex.Core.Scim.Filtering;
using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Filtering;

/// <summary>
/// dateTime comparisons against BSON dates, which hold milliseconds. A filter instant finer than that is rounded the
/// way that keeps the answer exact for stored (whole-millisecond) dates: <c>gt/ge t</c> means <c>≥ ceiling(t)</c>,
/// <c>lt/le t</c> means <c>≤ floor(t)</c>, and <c>eq t</c> matches nothing.
/// </summary>
public static class MongoInstant
{
    public static BsonDocument Compare(string field, ComparisonOperator op, string canonical)
    {
        if (!ScimDateTime.TryParse(canonical, out var instant))
        {
            return MongoConditions.Never;
        }

        var floor = new DateTime(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        var whole = floor.Ticks == instant.UtcTicks;
        var ceiling = whole ? floor : floor.AddMilliseconds(1);
        return op switch
        {
            ComparisonOperator.Equal => whole ? MongoConditions.Field(field, new BsonDateTime(floor)) : MongoConditions.Never,
            ComparisonOperator.GreaterThan when whole => Op(field, "$gt", floor),
            ComparisonOperator.GreaterThan or ComparisonOperator.GreaterThanOrEqual => Op(field, "$gte", ceiling),
            ComparisonOperator.LessThan when whole => Op(field, "$lt", floor),
            ComparisonOperator.LessThan or ComparisonOperator.LessThanOrEqual => Op(field, "$lte", floor),
            _ => MongoConditions.Never,
        };
    }

    /// <summary>A sort position's key for a dateTime order: the canonical text, as positions carry it.</summary>
    public static BsonValue FromPosition(string text) =>
        ScimDateTime.TryParse(text, out var instant) ? new BsonDateTime(instant.UtcDateTime) : text;

    private static BsonDocument Op(string field, string op, DateTime at) => MongoConditions.Field(field, new BsonDocument(op, new BsonDateTime(at)));
}
