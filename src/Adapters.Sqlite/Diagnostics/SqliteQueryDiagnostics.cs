using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Adapters.Sqlite.Scim;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AutoRfpHex.Adapters.Sqlite.Diagnostics;

/// <summary>
/// What a list query costs inside SQLite, for benchmarks and plan tests: the query plan and the work counters of the
/// exact statements the store runs for it (built by the store's own <see cref="ScimQuerySql"/>). Not used by the service.
/// </summary>
public static class SqliteQueryDiagnostics
{
    public static async Task<ScimQueryDiagnosis> DiagnoseAsync(
        SqliteDatabase database, Tenant tenant, ScimResourceType type, ScimQuery query, CancellationToken cancellationToken)
    {
        var sql = ScimQuerySql.Build(tenant, type, query);
        var parameters = sql.Parameters.ToArray();
        await using var connection = await database.OpenAsync(cancellationToken);
        return new ScimQueryDiagnosis(
            await connection.ScalarAsync<long>(sql.CountSql, cancellationToken, parameters),
            await DiagnoseAsync(connection, sql.CountSql, parameters, cancellationToken),
            await DiagnoseAsync(connection, sql.PageSql, [.. parameters, ("$limit", Math.Max(query.Count, 0)), ("$offset", Math.Max(query.StartIndex, 1) - 1)], cancellationToken));
    }

    private static async Task<StatementDiagnosis> DiagnoseAsync(
        SqliteConnection connection, string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        var plan = await connection.ListAsync(
            "EXPLAIN QUERY PLAN " + sql, row => (Id: row.GetInt64(0), Parent: row.GetInt64(1), Detail: row.GetString(3)), cancellationToken, parameters);
        var (rows, counters) = Run(connection.Handle!, sql, parameters);
        return new StatementDiagnosis(sql.Trim(), Indented(plan), rows, counters);
    }

    /// <summary>Steps the statement to its end and reads SQLite's per-statement counters (sqlite3_stmt_status).</summary>
    private static (long Rows, StatementCounters Counters) Run(sqlite3 handle, string sql, (string Name, object? Value)[] parameters)
    {
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        using (statement)
        {
            foreach (var (name, value) in parameters)
            {
                var index = raw.sqlite3_bind_parameter_index(statement, name);
                if (index > 0)
                {
                    Check(handle, Bind(statement, index, value));
                }
            }

            long rows = 0;
            int result;
            while ((result = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                rows++;
            }

            if (result != raw.SQLITE_DONE)
            {
                Check(handle, result);
            }

            return (rows, new StatementCounters(
                raw.sqlite3_stmt_status(statement, raw.SQLITE_STMTSTATUS_FULLSCAN_STEP, 0),
                raw.sqlite3_stmt_status(statement, raw.SQLITE_STMTSTATUS_SORT, 0),
                raw.sqlite3_stmt_status(statement, raw.SQLITE_STMTSTATUS_AUTOINDEX, 0),
                raw.sqlite3_stmt_status(statement, raw.SQLITE_STMTSTATUS_VM_STEP, 0)));
        }
    }

    private static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        string text => raw.sqlite3_bind_text(statement, index, text),
        int or long or bool => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
        double number => raw.sqlite3_bind_double(statement, index, number),
        _ => throw new NotSupportedException($"No binding for a parameter of type {value.GetType().Name}."),
    };

    private static void Check(sqlite3 handle, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), result);
        }
    }

    /// <summary>The plan as a tree: each step indented below its parent, as the sqlite3 shell prints it.</summary>
    private static List<string> Indented(List<(long Id, long Parent, string Detail)> plan)
    {
        var depth = new Dictionary<long, int>();
        var lines = new List<string>(plan.Count);
        foreach (var (id, parent, detail) in plan)
        {
            depth[id] = depth.TryGetValue(parent, out var above) ? above + 1 : 0;
            lines.Add(new string(' ', 2 * depth[id]) + detail);
        }

        return lines;
    }
}
