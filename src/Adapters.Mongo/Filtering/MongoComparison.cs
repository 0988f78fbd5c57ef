using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Schemas;
using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Filtering;

/// <summary>
/// One field of the search view against one filter value, as the evaluator's ValueMatcher compares them. MongoDB's
/// query operators compare only values of the same type bracket, which is the evaluator's "a stored value of another
/// JSON kind never matches"; a field holding an array matches when one element does ("any value").
/// </summary>
public static class MongoComparison
{
    public static BsonDocument Matches(string field, ComparisonOperator op, JsonValue value, ScimAttributeDefinition leaf) => leaf.Type switch
    {
        ScimAttributeType.String or ScimAttributeType.Reference or ScimAttributeType.Binary when Text(value) is { } text =>
            TextCondition(field, op, ScimStringComparison.Fold(text, leaf.CaseExact)),
        ScimAttributeType.Boolean when op == ComparisonOperator.Equal && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False =>
            MongoConditions.Field(field, value.GetValueKind() == JsonValueKind.True),
        ScimAttributeType.Integer or ScimAttributeType.Decimal when Number(value) is { } number && Ordered(op) is { } mongoOp =>
            Operator(field, mongoOp, number),
        ScimAttributeType.DateTime when Text(value) is { } instant => MongoInstant.Compare(field, op, instant),
        _ => MongoConditions.Never,
    };

    /// <summary>
    /// RFC 7643 §2.5 "assigned" for one leaf field: a non-empty string, or a number, boolean or date (of any kind,
    /// so a mistyped value counts, as in the evaluator). Null, "", [] and a missing field are unassigned.
    /// </summary>
    public static BsonDocument Assigned(string field) =>
        MongoConditions.Or(
            MongoConditions.Field(field, new BsonDocument("$gt", string.Empty)),
            MongoConditions.Field(field, new BsonDocument("$type", new BsonArray { "number", "bool", "date" })));

    public static string? Text(JsonValue value) =>
        value.GetValueKind() != JsonValueKind.String ? null
        : value.TryGetValue<string>(out var text) ? text
        : JsonSerializer.Deserialize<string>(value.ToJsonString());

    private static BsonDocument TextCondition(string field, ComparisonOperator op, string folded) => op switch
    {
        // BSON holds UTF-8, so no stored text has an unpaired surrogate and none can be sent; only a part of a pair could match.
        _ when !IsWellFormed(folded) => op == ComparisonOperator.Equal
            ? MongoConditions.Never
            : throw new MongoFilterNotTranslatedException("A filter value with an unpaired UTF-16 surrogate cannot be sent to MongoDB."),
        ComparisonOperator.Equal => MongoConditions.Field(field, folded),
        ComparisonOperator.StartsWith => MongoConditions.Field(field, MongoTextPattern.StartsWith(folded)),
        ComparisonOperator.Contains => MongoConditions.Field(field, MongoTextPattern.Contains(folded)),
        ComparisonOperator.EndsWith => MongoConditions.Field(field, MongoTextPattern.EndsWith(folded)),
        _ when Ordered(op) is { } mongoOp => Operator(field, mongoOp, folded), // simple collation: code point order
        _ => MongoConditions.Never,
    };

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static BsonDocument Operator(string field, string mongoOp, BsonValue value) =>
        mongoOp == "$eq" ? MongoConditions.Field(field, value) : MongoConditions.Field(field, new BsonDocument(mongoOp, value));

    private static string? Ordered(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "$eq",
        ComparisonOperator.GreaterThan => "$gt",
        ComparisonOperator.GreaterThanOrEqual => "$gte",
        ComparisonOperator.LessThan => "$lt",
        ComparisonOperator.LessThanOrEqual => "$lte",
        _ => null,
    };

    private static double? Number(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.Number
        && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : null;
}
