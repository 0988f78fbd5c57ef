using AutoRfpHex.Bench.Queries.Diagnostics;

namespace AutoRfpHex.Bench.Queries;

/// <param name="Store">The store the service ran on, as the report names it (<see cref="IQueryDiagnostics.Store"/>).</param>
public sealed record BenchmarkReport(BenchmarkOptions Options, DateTimeOffset Started, string Machine, string Store, IReadOnlyList<SizeMeasurement> Sizes);

/// <param name="Users">Users in the organization (the generated ones; the organization's Admin is one more).</param>
/// <param name="AddedUsers">Users loaded to reach this size.</param>
public sealed record SizeMeasurement(int Users, int AddedUsers, TimeSpan LoadTime, IReadOnlyList<QueryMeasurement> Queries, ListingWalk Walk);

/// <param name="AverageResults">Mean totalResults of the timed requests.</param>
/// <param name="Diagnosis">The store's plan and counters for one representative request; null for rows without one.</param>
public sealed record QueryMeasurement(string Name, Latency Latency, double AverageResults, StoreDiagnosis? Diagnosis);

/// <param name="Time">The first walk, from page one to the last page.</param>
public sealed record ListingWalk(int Pages, TimeSpan Time);
