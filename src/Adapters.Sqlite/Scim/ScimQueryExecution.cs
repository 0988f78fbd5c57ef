using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Adapters.Sqlite.Scim.Memberships;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Adapters.Sqlite.Scim;

/// <summary>Runs a list query inside SQLite; the page, its total and its bounds come from one read snapshot.</summary>
internal static class ScimQueryExecution
{
    public static async Task<ScimQueryPage> RunAsync(SqliteDatabase database, Tenant tenant, ScimResourceType type, ScimQuery query, CancellationToken cancellationToken)
    {
        var sql = ScimQuerySql.Build(tenant, type, query);
        var parameters = sql.Parameters.ToArray();
        await using var scope = await database.BeginReadAsync(cancellationToken);
        var total = (int)await scope.Connection.ScalarAsync<long>(sql.CountSql, cancellationToken, parameters);
        if (query.Seek is { } seek)
        {
            var (rows, bounds) = await ScimKeysetPaging.ReadAsync(scope.Connection, sql, seek, query.Count, total, cancellationToken);
            return new ScimQueryPage(await MembershipReads.LoadAsync(scope.Connection, tenant, rows, query.Load, cancellationToken), total, bounds);
        }

        var (limit, offset) = (Math.Max(query.Count, 0), Math.Max(query.StartIndex, 1) - 1);
        if (limit == 0 || offset >= total)
        {
            return new ScimQueryPage([], total);
        }

        var page = await scope.Connection.ListAsync(sql.PageSql, ScimResourceRows.Read, cancellationToken, [.. parameters, ("$limit", limit), ("$offset", offset)]);
        return new ScimQueryPage(await MembershipReads.LoadAsync(scope.Connection, tenant, page, query.Load, cancellationToken), total);
    }
}
