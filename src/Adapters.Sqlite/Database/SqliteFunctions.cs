using Microsoft.Data.Sqlite;

namespace AutoRfpHex.Adapters.Sqlite.Database;

/// <summary>
/// Functions and collations that give SQL the same string semantics as the Core filter evaluator.
/// SQLite's own upper(), NOCASE and LIKE fold ASCII only, so the fold is .NET's; co/sw/ew are ordinal .NET string tests.
/// Order needs nothing: Core orders strings by code point, which is UTF-8 byte order, i.e. SQLite's BINARY collation.
/// Indexes are built on <c>scim_fold</c>: every connection, writers included, must register it.
/// </summary>
internal static class SqliteFunctions
{
    public const string Fold = "scim_fold";
    public const string Instant = "scim_instant";

    public static void Register(SqliteConnection connection)
    {
        // Deterministic: SQLite only accepts deterministic functions in index expressions.
        connection.CreateFunction<object?, object?>(Fold, FoldValue, isDeterministic: true);
        connection.CreateFunction<object?, object?, bool>("scim_contains", (a, b) => a is string s && b is string p && s.Contains(p, StringComparison.Ordinal), isDeterministic: true);
        connection.CreateFunction<object?, object?, bool>("scim_starts_with", (a, b) => a is string s && b is string p && s.StartsWith(p, StringComparison.Ordinal), isDeterministic: true);
        connection.CreateFunction<object?, object?, bool>("scim_ends_with", (a, b) => a is string s && b is string p && s.EndsWith(p, StringComparison.Ordinal), isDeterministic: true);
        connection.CreateFunction<object?, string?>(Instant, Scim.Filtering.ScimInstant.Canonical, isDeterministic: true);
    }

    /// <summary>The Core fold: <see cref="string.ToUpperInvariant"/>; other values pass through unchanged.</summary>
    public static object? FoldValue(object? value) => value is string text ? text.ToUpperInvariant() : value;
}
