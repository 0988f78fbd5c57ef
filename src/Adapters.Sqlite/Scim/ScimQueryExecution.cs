using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Adapters.Sqlite.Scim.Filtering;
using AutoRfpHex.Adapters.Sqlite.Scim.Memberships;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Adapters.Sqlite.Scim;

/// <summary>
/// A list query inside SQLite: the filter as an SQL condition, the order in SQL (missing keys last ascending and first
/// descending, ties by id; by created then id without sortBy), paging by LIMIT/OFFSET, the total from the same snapshot.
/// </summary>
internal static class ScimQueryExecution
{
    public static async Task<ScimQueryPage> RunAsync(SqliteDatabase database, Tenant tenant, ScimResourceType type, ScimQuery query, CancellationToken cancellationToken)
    {
        var parameters = new SqlParameters();
        var where = $"{ScimResourceRows.TenantScope} AND r.resource_type = {TenantColumns.TypeLiteral(type)}";
        if (query.Filter is not null)
        {
            where += " AND " + new FilterSqlTranslator(type, parameters).Translate(query.Filter);
        }

        var sortKey = query.Sort is null ? "r.created" : SortSql.Key(type, query.Sort);
        var order = query.Sort is null ? "sort_key, id" : SortSql.OrderBy(query.Sort.Descending);
        var (limit, offset) = (Math.Max(query.Count, 0), Math.Max(query.StartIndex, 1) - 1);
        (string, object?)[] all = [.. TenantColumns.Scope(tenant), .. parameters.Values, ("$limit", limit), ("$offset", offset)];

        await using var scope = await database.BeginReadAsync(cancellationToken);
        var total = await scope.Connection.ScalarAsync<long>($"SELECT count(*) FROM scim_resources AS r WHERE {where};", cancellationToken, all);
        if (limit == 0 || offset >= total)
        {
            return new ScimQueryPage([], (int)total);
        }

        var page = await scope.Connection.ListAsync(
            $"""
            SELECT * FROM (SELECT {ScimResourceRows.Columns}, {sortKey} AS sort_key FROM scim_resources AS r WHERE {where})
            ORDER BY {order} LIMIT $limit OFFSET $offset;
            """,
            ScimResourceRows.Read, cancellationToken, all);
        var loaded = await MembershipReads.LoadAsync(scope.Connection, tenant, page, query.Load, cancellationToken);
        return new ScimQueryPage(loaded, (int)total);
    }
}
