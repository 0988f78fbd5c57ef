using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Schemas;
using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Filtering;

/// <summary>
/// A text field that only ever holds a few known values (<c>meta.resourceType</c>, a membership's type, stored as
/// written): the comparison is decided here, on each known value as the evaluator would, and becomes an exact
/// <c>$in</c> of those that satisfy it; no folded copy is needed.
/// </summary>
internal static class KnownValueText
{
    public static BsonDocument Matching(string field, IReadOnlyList<string> known, ComparisonOperator op, JsonValue value, ScimAttributeDefinition leaf)
    {
        if (MongoComparison.Text(value) is not { } text)
        {
            return MongoConditions.Never;
        }

        var wanted = ScimStringComparison.Fold(text, leaf.CaseExact);
        var matching = known.Where(k => Matches(ScimStringComparison.Fold(k, leaf.CaseExact), op, wanted)).ToList();
        return matching.Count == 0 ? MongoConditions.Never : MongoConditions.Field(field, new BsonDocument("$in", new BsonArray(matching)));
    }

    /// <summary>The evaluator's text rules on folded forms: ordinal equality and co/sw/ew, code point order.</summary>
    public static bool Matches(string stored, ComparisonOperator op, string value) => op switch
    {
        ComparisonOperator.Equal => string.Equals(stored, value, StringComparison.Ordinal),
        ComparisonOperator.Contains => stored.Contains(value, StringComparison.Ordinal),
        ComparisonOperator.StartsWith => stored.StartsWith(value, StringComparison.Ordinal),
        ComparisonOperator.EndsWith => stored.EndsWith(value, StringComparison.Ordinal),
        ComparisonOperator.GreaterThan => ScimStringComparison.CompareCodePoints(stored, value) > 0,
        ComparisonOperator.GreaterThanOrEqual => ScimStringComparison.CompareCodePoints(stored, value) >= 0,
        ComparisonOperator.LessThan => ScimStringComparison.CompareCodePoints(stored, value) < 0,
        ComparisonOperator.LessThanOrEqual => ScimStringComparison.CompareCodePoints(stored, value) <= 0,
        _ => false,
    };
}
