namespace AutoRfpHex.Adapters.Sqlite.Scim.Filtering;

/// <summary>Collects the values of one statement: every filter value becomes a parameter, never SQL text.</summary>
internal sealed class SqlParameters
{
    private readonly List<(string Name, object? Value)> values = [];
    private int aliases;

    public IReadOnlyList<(string Name, object? Value)> Values => values;

    /// <returns>The parameter's name to place in the SQL.</returns>
    public string Add(object? value)
    {
        var name = "$p" + values.Count;
        values.Add((name, value));
        return name;
    }

    /// <summary>A fresh table alias, so nested subqueries never shadow each other.</summary>
    public string Alias(string prefix) => prefix + ++aliases;
}
