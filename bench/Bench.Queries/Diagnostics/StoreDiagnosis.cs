using AutoRfpHex.Adapters.Mongo.Diagnostics;
using AutoRfpHex.Adapters.Sqlite.Diagnostics;

namespace AutoRfpHex.Bench.Queries.Diagnostics;

/// <summary>One query's plan and work counters, in the shape of the store that ran it (each store counts other work).</summary>
public abstract record StoreDiagnosis;

/// <summary>SQLite: the count and page statements, their plans and statement counters.</summary>
public sealed record SqliteStoreDiagnosis(ScimQueryDiagnosis Statements) : StoreDiagnosis;

/// <summary>MongoDB: the count and page operations under explain, keys and documents examined.</summary>
public sealed record MongoStoreDiagnosis(MongoQueryDiagnosis Operations) : StoreDiagnosis;
