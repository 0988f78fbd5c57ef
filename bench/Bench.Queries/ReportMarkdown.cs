using System.Globalization;
using System.Text;
using AutoRfpHex.Adapters.Sqlite.Diagnostics;

namespace AutoRfpHex.Bench.Queries;

/// <summary>The report as markdown: readable as printed on the console, and as the file the run writes.</summary>
public static class ReportMarkdown
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Each statement, and the rows it stands for: the total it counts, or the rows of the page.</summary>
    private static readonly (string Name, Func<ScimQueryDiagnosis, StatementDiagnosis> Of, Func<ScimQueryDiagnosis, long> Rows)[] Statements =
        [("count", d => d.Count, d => d.Total), ("page", d => d.Page, d => d.Page.Rows)];

    public static string Render(BenchmarkReport report)
    {
        var text = new StringBuilder();
        var options = report.Options;
        text.AppendLine("# SCIM query benchmark").AppendLine()
            .AppendLine(Invariant, $"Run {report.Started:yyyy-MM-dd HH:mm} UTC on {report.Machine}. ")
            .AppendLine(Invariant, $"{options.Runs} timed requests per query and size, after {options.ServiceWarmupSeconds} s of untimed requests before the first size and {options.WarmupRuns} untimed requests per query at each size; every request for another user or prefix; one client, sequential requests over a kept-alive connection. ")
            .AppendLine("Latency is from sending the request to the last byte of the response, through Kestrel, authentication (a JWT access token), the SCIM use case, the SQLite store and the provisioning-log write every SCIM call makes.")
            .AppendLine();
        Latencies(text, report.Sizes);
        Totals(text, report.Sizes);
        Work(text, report.Sizes);
        return text.ToString();
    }

    private static void Latencies(StringBuilder text, IReadOnlyList<SizeMeasurement> sizes)
    {
        var (first, last) = (sizes[0], sizes[^1]);
        var compare = sizes.Count > 1;
        text.AppendLine("## Latency through HTTP (ms)").AppendLine();
        List<string> header = ["query", .. sizes.SelectMany(s => new[] { $"{s.Users:N0} median", $"{s.Users:N0} p99" })];
        if (compare)
        {
            header.AddRange([$"median ×{Ratio(last.Users, first.Users)}", "p99 ×"]);
        }

        MarkdownTable.Append(text, header, first.Queries.Select((query, i) =>
        {
            List<string> row = [query.Name, .. sizes.SelectMany(s => new[] { Ms(s.Queries[i].Latency.Median), Ms(s.Queries[i].Latency.P99) })];
            if (compare)
            {
                row.AddRange([Ratio(last.Queries[i].Latency.Median, query.Latency.Median), Ratio(last.Queries[i].Latency.P99, query.Latency.P99)]);
            }

            return row;
        }));
        text.AppendLine("The ratio columns divide the largest size's figure by the smallest's: about 1 means flat as the organization grows.").AppendLine();
    }

    private static void Totals(StringBuilder text, IReadOnlyList<SizeMeasurement> sizes)
    {
        text.AppendLine("## Loading, results and walks").AppendLine();
        MarkdownTable.Append(text, ["users", "load time", "users/s", $"{QueryScenarios.FamilyNamePrefix}: mean totalResults", "listing: pages", "listing: one full walk"], sizes.Select(s => new List<string>
        {
            s.Users.ToString("N0", Invariant),
            $"{s.LoadTime.TotalSeconds:F1} s for {s.AddedUsers:N0}",
            (s.AddedUsers / s.LoadTime.TotalSeconds).ToString("N0", Invariant),
            s.Queries.Single(q => q.Name == QueryScenarios.FamilyNamePrefix).AverageResults.ToString("N0", Invariant),
            s.Walk.Pages.ToString(Invariant),
            $"{s.Walk.Time.TotalSeconds:F2} s",
        }));
        text.AppendLine("Loading goes through the service's create use case (validation and one store transaction per user, as a SCIM POST), not through HTTP.").AppendLine();
    }

    private static void Work(StringBuilder text, IReadOnlyList<SizeMeasurement> sizes)
    {
        var (first, last) = (sizes[0], sizes[^1]);
        text.AppendLine("## Work inside SQLite, per statement").AppendLine()
            .AppendLine("SQLite does not count rows examined; its statement counters measure the work instead: *VM steps* (bytecode operations, which grow with every row visited), *full-scan steps* (rows stepped through by full scans), *sorts* (0 when an index gives the order). One request per query, for the first generated user (there at every size); the statements are exactly those the store runs (`SqliteQueryDiagnostics`).")
            .AppendLine();
        List<string> header = ["query", "statement", "plan", .. sizes.Select(s => $"VM steps {s.Users:N0}"), "full-scan steps", "sorts", "rows (counted or returned)"];
        var diagnosed = Enumerable.Range(0, first.Queries.Count).Where(i => first.Queries[i].Diagnosis is not null).ToList();
        MarkdownTable.Append(text, header, diagnosed.SelectMany(i => Statements.Select(statement =>
        {
            IEnumerable<ScimQueryDiagnosis> perSize = [.. sizes.Select(s => s.Queries[i].Diagnosis!)];
            string PerSize(Func<ScimQueryDiagnosis, long> figure) => string.Join(" / ", perSize.Select(d => figure(d).ToString("N0", Invariant)));
            return (IReadOnlyList<string>)
            [
                first.Queries[i].Name, statement.Name, Plan(statement.Of(last.Queries[i].Diagnosis!)),
                .. perSize.Select(d => statement.Of(d).Counters.VirtualMachineSteps.ToString("N0", Invariant)),
                PerSize(d => statement.Of(d).Counters.FullScanSteps), PerSize(d => statement.Of(d).Counters.Sorts), PerSize(statement.Rows),
            ];
        })), textColumns: 3);
        text.AppendLine("Plans are those at the largest size; counters with several values are per size, smallest first.").AppendLine();

        text.AppendLine("## Statements").AppendLine();
        foreach (var i in diagnosed)
        {
            text.AppendLine(Invariant, $"**{first.Queries[i].Name}**").AppendLine().AppendLine("```sql");
            foreach (var statement in Statements)
            {
                text.AppendLine(statement.Of(last.Queries[i].Diagnosis!).Sql);
            }

            text.AppendLine("```").AppendLine();
        }
    }

    private static string Plan(StatementDiagnosis statement) => string.Join("; ", statement.Plan.Select(line => line.Trim())).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "F2" : "F1", Invariant);

    private static string Ratio(double larger, double smaller) => (larger / smaller).ToString("F2", Invariant);
}
