using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Adapters.Sqlite.Scim.Memberships;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Adapters.Sqlite.Scim;

/// <summary>Runs a list query inside SQLite; the page and its total come from one read snapshot.</summary>
internal static class ScimQueryExecution
{
    public static async Task<ScimQueryPage> RunAsync(SqliteDatabase database, Tenant tenant, ScimResourceType type, ScimQuery query, CancellationToken cancellationToken)
    {
        var sql = ScimQuerySql.Build(tenant, type, query);
        var parameters = sql.Parameters.ToArray();
        await using var scope = await database.BeginReadAsync(cancellationToken);
        var total = await scope.Connection.ScalarAsync<long>(sql.CountSql, cancellationToken, parameters);
        if (sql.Limit == 0 || sql.Offset >= total)
        {
            return new ScimQueryPage([], (int)total);
        }

        var page = await scope.Connection.ListAsync(sql.PageSql, ScimResourceRows.Read, cancellationToken, parameters);
        var loaded = await MembershipReads.LoadAsync(scope.Connection, tenant, page, query.Load, cancellationToken);
        return new ScimQueryPage(loaded, (int)total);
    }
}
