namespace AutoRfpHex.Core.Scim.Filtering;

/// <summary>The reserved words of the filter grammar (case-insensitive) and the operator each comparison keyword means.</summary>
internal static class FilterKeywords
{
    private static readonly Dictionary<string, ComparisonOperator> Operators = new(StringComparer.OrdinalIgnoreCase)
    {
        ["eq"] = ComparisonOperator.Equal,
        ["ne"] = ComparisonOperator.NotEqual,
        ["co"] = ComparisonOperator.Contains,
        ["sw"] = ComparisonOperator.StartsWith,
        ["ew"] = ComparisonOperator.EndsWith,
        ["pr"] = ComparisonOperator.Present,
        ["gt"] = ComparisonOperator.GreaterThan,
        ["ge"] = ComparisonOperator.GreaterThanOrEqual,
        ["lt"] = ComparisonOperator.LessThan,
        ["le"] = ComparisonOperator.LessThanOrEqual,
    };

    public const string OperatorList = "eq, ne, co, sw, ew, pr, gt, ge, lt, le";

    public static bool TryGetOperator(string word, out ComparisonOperator op) => Operators.TryGetValue(word, out op);

    public static bool IsLogical(string word) =>
        word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("or", StringComparison.OrdinalIgnoreCase)
        || word.Equals("not", StringComparison.OrdinalIgnoreCase);

    public static bool IsKeyword(string word) => IsLogical(word) || Operators.ContainsKey(word);

    public static string Keyword(ComparisonOperator op) => Operators.First(p => p.Value == op).Key;
}
