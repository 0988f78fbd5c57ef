using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Core.Scim.Resources;
using Microsoft.Data.Sqlite;

namespace AutoRfpHex.Adapters.Sqlite.Scim;

/// <summary>
/// A keyset seek (never OFFSET): the count + 1 rows right after the position in the walk's order (the query's order, or
/// its reverse when seeking backward) tell the page and whether more lie beyond it; one EXISTS from the page's near edge
/// tells whether any lie on the other side. Backward pages come back in the query's order.
/// </summary>
internal static class ScimKeysetPaging
{
    public static async Task<(IReadOnlyList<ScimResourceRecord> Rows, ScimPageBounds Bounds)> ReadAsync(
        SqliteConnection connection, ScimQuerySql sql, ScimSeek seek, int count, int total, CancellationToken cancellationToken)
    {
        var forward = seek.Direction == ScimSeekDirection.Forward;
        var limit = Math.Max(count, 0);
        var (statement, parameters) = PageSql(sql, seek, limit + 1);
        var read = await connection.ListAsync(
            statement,
            row => (Record: ScimResourceRows.Read(row), Position: new ScimSortPosition(ScimKeyset.Read(row.GetValue(8)), row.GetString(0))),
            cancellationToken, parameters);

        var beyond = read.Count > limit;
        var page = read.Take(limit).ToList();
        if (!forward)
        {
            page.Reverse();
        }

        // The near side: nothing precedes a page that starts the result; an empty page lies past every match.
        var nearEdge = page.Count == 0 ? null : forward ? page[0].Position : page[^1].Position;
        var near = seek.From is not null && (nearEdge is null
            ? total > 0
            : await ExistsAsync(connection, sql, Walk(sql, seek).Reversed, nearEdge, cancellationToken));
        var bounds = new ScimPageBounds(
            page.Count == 0 ? null : page[0].Position, page.Count == 0 ? null : page[^1].Position,
            MoreBefore: forward ? near : beyond, MoreAfter: forward ? beyond : near);
        return (page.Select(p => p.Record).ToList(), bounds);
    }

    /// <summary>The rows of a seek, in the order they are walked (backward: reversed).</summary>
    public static (string Sql, (string Name, object? Value)[] Parameters) PageSql(ScimQuerySql sql, ScimSeek seek, int limit)
    {
        var walk = Walk(sql, seek);
        var (after, position) = seek.From is { } from ? walk.After(from) : ("1", []);
        return ($"{sql.Select} WHERE {sql.Where} AND {after}\nORDER BY {walk.OrderBy} LIMIT $limit;", [.. sql.Parameters, .. position, ("$limit", limit)]);
    }

    private static ScimKeyset Walk(ScimQuerySql sql, ScimSeek seek) => seek.Direction == ScimSeekDirection.Forward ? sql.Order : sql.Order.Reversed;

    /// <summary>Whether any row lies after <paramref name="from"/> in <paramref name="order"/>.</summary>
    public static (string Sql, (string Name, object? Value)[] Parameters) ExistsSql(ScimQuerySql sql, ScimKeyset order, ScimSortPosition from)
    {
        var (after, position) = order.After(from);
        return ($"SELECT EXISTS (SELECT 1 FROM scim_resources AS r WHERE {sql.Where} AND {after});", [.. sql.Parameters, .. position]);
    }

    private static async Task<bool> ExistsAsync(SqliteConnection connection, ScimQuerySql sql, ScimKeyset order, ScimSortPosition from, CancellationToken cancellationToken)
    {
        var (statement, parameters) = ExistsSql(sql, order, from);
        return await connection.ScalarAsync<long>(statement, cancellationToken, parameters) == 1;
    }
}
