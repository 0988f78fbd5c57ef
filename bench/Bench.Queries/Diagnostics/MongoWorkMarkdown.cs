using System.Globalization;
using System.Text;
using AutoRfpHex.Adapters.Mongo.Diagnostics;

namespace AutoRfpHex.Bench.Queries.Diagnostics;

/// <summary>
/// The report's account of the work inside MongoDB: per operation (the count, the page), what <c>explain</c> says the
/// server examined, then the explained commands.
/// </summary>
internal static class MongoWorkMarkdown
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Each operation, and the rows it stands for: the total it counts, or the documents of the page.</summary>
    private static readonly (string Name, Func<MongoQueryDiagnosis, MongoOperationDiagnosis?> Of, Func<MongoQueryDiagnosis, long> Rows)[] Operations =
        [("count", d => d.Count, d => d.Total), ("page", d => d.Page, d => d.Page?.Returned ?? 0)];

    public static void Append(StringBuilder text, IReadOnlyList<SizeMeasurement> sizes)
    {
        var (first, last) = (sizes[0], sizes[^1]);
        text.AppendLine("## Work inside MongoDB, per operation").AppendLine()
            .AppendLine("From `explain` with verbosity executionStats, which runs the operation: *keys examined* (index entries read, totalKeysExamined), *docs examined* (documents fetched, totalDocsExamined), *in-memory sort* (yes when the order came from a blocking sort, a SORT plan stage or a `$sort` pipeline stage, not from an index), *server ms* (executionTimeMillis, or the last pipeline stage's estimate). One request per query, for the first generated user (there at every size); the operations are exactly those the store sends (`MongoQueryDiagnostics`): the count as the driver's `$match` + `$group`, the page as a find (no sortBy) or the key-computing pipeline (sortBy).")
            .AppendLine();
        List<string> header =
        [
            "query", "operation", "plan", "indexes", .. sizes.Select(s => $"keys examined {s.Users:N0}"), .. sizes.Select(s => $"docs examined {s.Users:N0}"),
            "in-memory sort", "server ms", "rows (counted or returned)",
        ];
        var diagnosed = DiagnosedRows.Of(first);
        MarkdownTable.Append(text, header, diagnosed.SelectMany(i => Operations.Select(operation =>
        {
            IReadOnlyList<MongoQueryDiagnosis> perSize = [.. sizes.Select(s => Of(s.Queries[i]))];
            string PerSize(Func<MongoOperationDiagnosis, string> figure) =>
                string.Join(" / ", perSize.Select(d => operation.Of(d) is { } run ? figure(run) : "–"));
            var largest = operation.Of(Of(last.Queries[i]));
            return (IReadOnlyList<string>)
            [
                first.Queries[i].Name, operation.Name,
                largest is null ? "no page read" : Cell(string.Join(" → ", largest.Plan)), largest is null ? "–" : largest.Indexes.Count == 0 ? "none" : Cell(string.Join(", ", largest.Indexes)),
                .. perSize.Select(d => operation.Of(d)?.KeysExamined.ToString("N0", Invariant) ?? "–"),
                .. perSize.Select(d => operation.Of(d)?.DocsExamined.ToString("N0", Invariant) ?? "–"),
                PerSize(run => run.InMemorySort ? "yes" : "no"), PerSize(run => run.ExecutionMillis.ToString("N0", Invariant)),
                string.Join(" / ", perSize.Select(d => operation.Rows(d).ToString("N0", Invariant))),
            ];
        })), textColumns: 4);
        text.AppendLine("Plans and indexes are those at the largest size (data flows left to right); values with several figures are per size, smallest first.").AppendLine();

        DiagnosedRows.AppendCode(text, "Commands", "json", sizes, query => Operations.Select(operation => operation.Of(Of(query))?.Command).OfType<string>());
    }

    private static MongoQueryDiagnosis Of(QueryMeasurement query) => ((MongoStoreDiagnosis)query.Diagnosis!).Operations;

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal);
}
