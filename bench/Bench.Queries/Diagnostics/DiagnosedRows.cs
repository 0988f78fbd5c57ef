namespace AutoRfpHex.Bench.Queries.Diagnostics;

/// <summary>The rows of a size that carry the store's diagnosis (the listing walks have none: many pages, no one query).</summary>
internal static class DiagnosedRows
{
    public static List<int> Of(SizeMeasurement size) =>
        [.. Enumerable.Range(0, size.Queries.Count).Where(i => size.Queries[i].Diagnosis is not null)];
}
