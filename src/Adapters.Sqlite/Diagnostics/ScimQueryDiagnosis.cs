namespace AutoRfpHex.Adapters.Sqlite.Diagnostics;

/// <summary>The two statements of a list query: the total (<paramref name="Total"/> is its value), and the page.</summary>
public sealed record ScimQueryDiagnosis(long Total, StatementDiagnosis Count, StatementDiagnosis Page);

/// <param name="Plan">EXPLAIN QUERY PLAN, one line per step, indented under its parent step.</param>
/// <param name="Rows">Rows the statement returned.</param>
public sealed record StatementDiagnosis(string Sql, IReadOnlyList<string> Plan, long Rows, StatementCounters Counters);

/// <summary>
/// SQLite's own counters for one run of a statement (sqlite3_stmt_status). SQLite does not count rows examined; these
/// are its measures of the work: <paramref name="FullScanSteps"/> rows stepped through in full scans of a table or
/// index (0 when every loop is an index search), <paramref name="Sorts"/> sort operations (0 when the order comes from
/// an index), <paramref name="AutoIndexes"/> rows put in automatic indexes, <paramref name="VirtualMachineSteps"/>
/// bytecode operations run, which grows with every row visited.
/// </summary>
public sealed record StatementCounters(long FullScanSteps, long Sorts, long AutoIndexes, long VirtualMachineSteps);
