using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Adapters.Sqlite.Scim.Filtering;

/// <summary>
/// One stored value against one filter value, by the attribute's type, as the Core evaluator compares them: a stored
/// value of another JSON kind never matches; strings fold unless caseExact; co/sw/ew ordinal; order by code point
/// (SQLite BINARY); numbers as doubles; booleans with eq only; dateTimes as instants. Yields SQL that may be NULL where
/// it means false: callers negate only through <c>NOT coalesce(x, 0)</c>.
/// </summary>
internal static class ComparisonSql
{
    public static string Matches(ValueLocation stored, ComparisonOperator op, JsonValue value, ScimAttributeDefinition leaf, SqlParameters parameters) =>
        leaf.Type switch
        {
            ScimAttributeType.String or ScimAttributeType.Reference or ScimAttributeType.Binary => Text(stored, op, value, leaf.CaseExact, parameters),
            ScimAttributeType.Boolean when op == ComparisonOperator.Equal && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False =>
                $"({stored.Kind} = '{(value.GetValueKind() == JsonValueKind.True ? "true" : "false")}')",
            ScimAttributeType.Integer or ScimAttributeType.Decimal when Order(op) is { } sqlOp && Number(value) is { } number =>
                $"({stored.Kind} IN ('integer', 'real') AND abs(CAST({stored.Value} AS REAL)) <= 1.7976931348623157e308 AND CAST({stored.Value} AS REAL) {sqlOp} {parameters.Add(number)})",
            ScimAttributeType.DateTime when Order(op) is { } sqlOp && ScimInstant.Canonical(String(value)) is { } instant =>
                $"({stored.Instant} {sqlOp} {parameters.Add(instant)})",
            _ => "0",
        };

    /// <summary>The Core fold applied to a filter value (the SQL side applies scim_fold, the same function).</summary>
    public static string Fold(string text, bool caseExact) => caseExact ? text : (string)SqliteFunctions.FoldValue(text)!;

    private static string Text(ValueLocation stored, ComparisonOperator op, JsonValue value, bool caseExact, SqlParameters parameters)
    {
        if (String(value) is not { } text)
        {
            return "0";
        }

        var folded = Fold(text, caseExact);
        var p = parameters.Add(folded);
        var v = caseExact ? stored.Value : $"{SqliteFunctions.Fold}({stored.Value})";
        var test = op switch
        {
            ComparisonOperator.Contains => $"scim_contains({v}, {p})",
            ComparisonOperator.StartsWith => $"{PrefixRange.Of(v, p, folded, parameters)} AND scim_starts_with({v}, {p})",
            ComparisonOperator.EndsWith => $"scim_ends_with({v}, {p})",
            _ when Order(op) is { } sqlOp => $"{v} {sqlOp} {p}",
            _ => "0",
        };
        return $"({stored.IsText} AND {test})";
    }

    private static string? Order(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.GreaterThan => ">",
        ComparisonOperator.GreaterThanOrEqual => ">=",
        ComparisonOperator.LessThan => "<",
        ComparisonOperator.LessThanOrEqual => "<=",
        _ => null,
    };

    private static string? String(JsonValue value) =>
        value.GetValueKind() != JsonValueKind.String ? null
        : value.TryGetValue<string>(out var text) ? text
        : JsonSerializer.Deserialize<string>(value.ToJsonString());

    private static double? Number(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.Number
        && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : null;
}
