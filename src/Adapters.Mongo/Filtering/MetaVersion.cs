using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AutoRfpHex.Core.Scim.Filtering;
using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Filtering;

/// <summary>
/// <c>meta.version</c> is the ETag <c>W/"n"</c> of the stored number (caseExact). Equality with a well-formed ETag is
/// a plain match on <c>version</c>; anything else compares the ETag text computed in <c>$expr</c> (rare, never indexed).
/// </summary>
internal static partial class MetaVersion
{
    [GeneratedRegex("^W/\"(0|[1-9][0-9]{0,17})\"$", RegexOptions.CultureInvariant)]
    private static partial Regex ETag();

    public static BsonDocument Matches(ComparisonOperator op, JsonValue value)
    {
        if (MongoComparison.Text(value) is not { } text)
        {
            return MongoConditions.Never;
        }

        if (op == ComparisonOperator.Equal)
        {
            var match = ETag().Match(text);
            return match.Success
                ? MongoConditions.Field(MongoResourceFields.Version, long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture))
                : MongoConditions.Never;
        }

        var etag = new BsonDocument("$concat", new BsonArray { "W/\"", new BsonDocument("$toString", "$" + MongoResourceFields.Version), "\"" });
        var expression = op switch
        {
            ComparisonOperator.StartsWith => RegexMatch(etag, MongoTextPattern.StartsWith(text)),
            ComparisonOperator.Contains => RegexMatch(etag, MongoTextPattern.Contains(text)),
            ComparisonOperator.EndsWith => RegexMatch(etag, MongoTextPattern.EndsWith(text)),
            ComparisonOperator.GreaterThan => new BsonDocument("$gt", new BsonArray { etag, Literal(text) }),
            ComparisonOperator.GreaterThanOrEqual => new BsonDocument("$gte", new BsonArray { etag, Literal(text) }),
            ComparisonOperator.LessThan => new BsonDocument("$lt", new BsonArray { etag, Literal(text) }),
            ComparisonOperator.LessThanOrEqual => new BsonDocument("$lte", new BsonArray { etag, Literal(text) }),
            _ => null,
        };
        return expression is null ? MongoConditions.Never : new BsonDocument("$expr", expression);
    }

    // In an expression a string starting with "$" would name a field (or a variable): client text goes in as a literal.
    private static BsonDocument Literal(string text) => new("$literal", text);

    private static BsonDocument RegexMatch(BsonDocument input, BsonRegularExpression regex) =>
        new("$regexMatch", new BsonDocument { { "input", input }, { "regex", regex } });
}
