using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Filtering;

/// <summary>
/// Boolean building blocks. <c>not</c> is <c>$nor</c>: exact negation of the whole condition, so a document that lacks
/// the field matches <c>not (x eq 1)</c>, as the evaluator says (<c>$not</c> on one field would be per-field).
/// </summary>
public static class MongoConditions
{
    /// <summary>Matches every document (and every element inside <c>$elemMatch</c>).</summary>
    public static BsonDocument Always => new();

    /// <summary>Matches nothing: <c>$in</c> of no values is false whatever the field holds, also inside <c>$elemMatch</c>.</summary>
    public static BsonDocument Never => new("_id", new BsonDocument("$in", new BsonArray()));

    public static bool IsAlways(BsonDocument condition) => condition.ElementCount == 0;

    public static bool IsNever(BsonDocument condition) => condition.Equals(Never);

    public static BsonDocument And(BsonDocument left, BsonDocument right) =>
        IsAlways(left) ? right : IsAlways(right) ? left : IsNever(left) || IsNever(right) ? Never
        : new BsonDocument("$and", new BsonArray(Operands("$and", left).Concat(Operands("$and", right))));

    public static BsonDocument Or(BsonDocument left, BsonDocument right) =>
        IsAlways(left) || IsAlways(right) ? Always : IsNever(left) ? right : IsNever(right) ? left
        : new BsonDocument("$or", new BsonArray(Operands("$or", left).Concat(Operands("$or", right))));

    /// <summary>Double negation cancels: MongoDB bounds how deeply a query may nest, and the parser allows 50 levels.</summary>
    public static BsonDocument Not(BsonDocument inner) =>
        IsAlways(inner) ? Never : IsNever(inner) ? Always
        : inner is { ElementCount: 1 } && inner.GetElement(0) is { Name: "$nor", Value: BsonArray { Count: 1 } negated } ? negated[0].AsBsonDocument
        : new BsonDocument("$nor", new BsonArray { inner });

    public static BsonDocument Field(string path, BsonValue condition) => new(path, condition);

    // a AND (b AND c) reads flat; flattening keeps the rendered filters short and their meaning unchanged.
    private static IEnumerable<BsonValue> Operands(string op, BsonDocument condition) =>
        condition.ElementCount == 1 && condition.GetElement(0).Name == op ? condition[0].AsBsonArray : [condition];
}
