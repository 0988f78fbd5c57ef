using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Adapters.Sqlite.Diagnostics;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Bench.Queries.Diagnostics;

/// <summary>The embedded store: <see cref="SqliteQueryDiagnostics"/> on the host's database.</summary>
internal sealed class SqliteDiagnostics(SqliteDatabase database, Tenant tenant) : IQueryDiagnostics
{
    public string Store => "the SQLite store";

    public async Task<StoreDiagnosis> DiagnoseAsync(ScimQuery query, CancellationToken cancellationToken) =>
        new SqliteStoreDiagnosis(await SqliteQueryDiagnostics.DiagnoseAsync(database, tenant, ScimResourceType.User, query, cancellationToken));
}
