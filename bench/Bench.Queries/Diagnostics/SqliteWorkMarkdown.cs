using System.Globalization;
using System.Text;
using AutoRfpHex.Adapters.Sqlite.Diagnostics;

namespace AutoRfpHex.Bench.Queries.Diagnostics;

/// <summary>The report's account of the work inside SQLite: per statement, its plan and SQLite's statement counters, then the SQL.</summary>
internal static class SqliteWorkMarkdown
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Each statement, and the rows it stands for: the total it counts, or the rows of the page.</summary>
    private static readonly (string Name, Func<ScimQueryDiagnosis, StatementDiagnosis> Of, Func<ScimQueryDiagnosis, long> Rows)[] Statements =
        [("count", d => d.Count, d => d.Total), ("page", d => d.Page, d => d.Page.Rows)];

    public static void Append(StringBuilder text, IReadOnlyList<SizeMeasurement> sizes)
    {
        var (first, last) = (sizes[0], sizes[^1]);
        text.AppendLine("## Work inside SQLite, per statement").AppendLine()
            .AppendLine("SQLite does not count rows examined; its statement counters measure the work instead: *VM steps* (bytecode operations, which grow with every row visited), *full-scan steps* (rows stepped through by full scans), *sorts* (0 when an index gives the order). One request per query, for the first generated user (there at every size); the statements are exactly those the store runs (`SqliteQueryDiagnostics`).")
            .AppendLine();
        List<string> header = ["query", "statement", "plan", .. sizes.Select(s => $"VM steps {s.Users:N0}"), "full-scan steps", "sorts", "rows (counted or returned)"];
        var diagnosed = DiagnosedRows.Of(first);
        MarkdownTable.Append(text, header, diagnosed.SelectMany(i => Statements.Select(statement =>
        {
            IEnumerable<ScimQueryDiagnosis> perSize = [.. sizes.Select(s => Of(s.Queries[i]))];
            string PerSize(Func<ScimQueryDiagnosis, long> figure) => string.Join(" / ", perSize.Select(d => figure(d).ToString("N0", Invariant)));
            return (IReadOnlyList<string>)
            [
                first.Queries[i].Name, statement.Name, Plan(statement.Of(Of(last.Queries[i]))),
                .. perSize.Select(d => statement.Of(d).Counters.VirtualMachineSteps.ToString("N0", Invariant)),
                PerSize(d => statement.Of(d).Counters.FullScanSteps), PerSize(d => statement.Of(d).Counters.Sorts), PerSize(statement.Rows),
            ];
        })), textColumns: 3);
        text.AppendLine("Plans are those at the largest size; counters with several values are per size, smallest first.").AppendLine();

        DiagnosedRows.AppendCode(text, "Statements", "sql", sizes, query => Statements.Select(statement => statement.Of(Of(query)).Sql));
    }

    private static ScimQueryDiagnosis Of(QueryMeasurement query) => ((SqliteStoreDiagnosis)query.Diagnosis!).Statements;

    private static string Plan(StatementDiagnosis statement) => string.Join("; ", statement.Plan.Select(line => line.Trim())).Replace("|", "\\|", StringComparison.Ordinal);
}
