using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Bench.Queries.Diagnostics;

/// <summary>
/// The store's own account of one list query (plan and work counters), whichever store the host runs on: the benchmark
/// asks it once per query and size, beside the HTTP timings.
/// </summary>
public interface IQueryDiagnostics
{
    /// <summary>The store as the report names it ("the SQLite store"); never a connection string or credential.</summary>
    string Store { get; }

    Task<StoreDiagnosis> DiagnoseAsync(ScimQuery query, CancellationToken cancellationToken);
}
