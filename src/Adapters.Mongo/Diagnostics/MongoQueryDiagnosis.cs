namespace AutoRfpHex.Adapters.Mongo.Diagnostics;

/// <summary>
/// The two operations of a list query as MongoDB ran them under <c>explain</c>: the total (<paramref name="Total"/> is
/// its value) and the startIndex page (null when the store reads no page: count 0, or startIndex past the total).
/// </summary>
public sealed record MongoQueryDiagnosis(long Total, MongoOperationDiagnosis Count, MongoOperationDiagnosis? Page);

/// <summary>
/// What MongoDB examined for one operation (explain, verbosity executionStats).
/// </summary>
/// <param name="Command">The explained command (find or aggregate) as relaxed extended JSON.</param>
/// <param name="Plan">The winning plan's stages in the order data flows (index scan first), then the pipeline stages run outside the query layer.</param>
/// <param name="Indexes">The indexes the winning plan reads, by name.</param>
/// <param name="KeysExamined">executionStats.totalKeysExamined: index entries read.</param>
/// <param name="DocsExamined">executionStats.totalDocsExamined: documents fetched.</param>
/// <param name="Returned">Documents the operation returned (the last stage's nReturned).</param>
/// <param name="ExecutionMillis">Time in the server (executionTimeMillis, or the pipeline's last estimate).</param>
/// <param name="InMemorySort">True when the order came from a blocking sort (a SORT plan stage or a <c>$sort</c> pipeline stage), not an index.</param>
public sealed record MongoOperationDiagnosis(
    string Command, IReadOnlyList<string> Plan, IReadOnlyList<string> Indexes,
    long KeysExamined, long DocsExamined, long Returned, long ExecutionMillis, bool InMemorySort);
