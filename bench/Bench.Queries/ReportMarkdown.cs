using System.Globalization;
using System.Text;
using AutoRfpHex.Adapters.Sqlite.Diagnostics;

namespace AutoRfpHex.Bench.Queries;

/// <summary>The report as markdown: readable as printed on the console, and as the file the run writes.</summary>
public static class ReportMarkdown
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(BenchmarkReport report)
    {
        var sizes = report.Sizes;
        var (first, last) = (sizes[0], sizes[^1]);
        var text = new StringBuilder();
        text.AppendLine("# SCIM query benchmark").AppendLine()
            .AppendLine(Invariant, $"Run {report.Started:yyyy-MM-dd HH:mm} UTC on {report.Machine}. ")
            .AppendLine(Invariant, $"{report.Options.Runs} timed requests per query and size after {report.Options.WarmupRuns} warm-up requests, each for another user or prefix; one client, sequential requests over a kept-alive connection. ")
            .AppendLine("Latency is from sending the request to the last byte of the response, through Kestrel, authentication (a JWT access token), the SCIM use case, the SQLite store and the provisioning-log write every SCIM call makes.")
            .AppendLine();

        text.AppendLine("## Latency through HTTP (ms)").AppendLine();
        var header = new List<string> { "query" };
        header.AddRange(sizes.SelectMany(s => new[] { $"{s.Users:N0} median", $"{s.Users:N0} p99" }));
        if (sizes.Count > 1)
        {
            header.AddRange([$"median ×{Ratio(last.Users, first.Users)}", "p99 ×"]);
        }

        Table(text, header, first.Queries.Select((query, i) =>
        {
            var row = new List<string> { query.Name };
            row.AddRange(sizes.SelectMany(s => new[] { Ms(s.Queries[i].Latency.Median), Ms(s.Queries[i].Latency.P99) }));
            if (sizes.Count > 1)
            {
                row.AddRange([Ratio(last.Queries[i].Latency.Median, query.Latency.Median), Ratio(last.Queries[i].Latency.P99, query.Latency.P99)]);
            }

            return row;
        }));
        text.AppendLine("The ratio columns divide the largest size's figure by the smallest's: about 1 means flat as the organization grows.").AppendLine();

        text.AppendLine("## Results and walks").AppendLine();
        Table(text, ["users", "load time", "users/s", "name.familyName sw: mean totalResults", "listing: pages", "listing: one full walk"], sizes.Select(s => new List<string>
        {
            s.Users.ToString("N0", Invariant),
            $"{s.LoadTime.TotalSeconds:F1} s for {s.AddedUsers:N0}",
            (s.AddedUsers / s.LoadTime.TotalSeconds).ToString("N0", Invariant),
            s.Queries.Single(q => q.Name.StartsWith("name.familyName", StringComparison.Ordinal)).AverageResults.ToString("N0", Invariant),
            s.Walk.Pages.ToString(Invariant),
            $"{s.Walk.Time.TotalSeconds:F2} s",
        }));
        text.AppendLine("Loading goes through the service's create use case (validation and one store transaction per user, as a SCIM POST), not through HTTP.").AppendLine();

        text.AppendLine("## Work inside SQLite, per statement").AppendLine()
            .AppendLine("SQLite does not count rows examined; its statement counters measure the work instead: *VM steps* (bytecode operations, which grow with every row visited), *full-scan steps* (rows stepped through by full scans), *sorts* (0 when an index gives the order). One request per query, for the first generated user (there at every size); the statements are exactly those the store runs (`SqliteQueryDiagnostics`).")
            .AppendLine();
        var counterHeader = new List<string> { "query", "statement", "plan" };
        counterHeader.AddRange(sizes.Select(s => $"VM steps {s.Users:N0}"));
        counterHeader.AddRange(["full-scan steps", "sorts", "rows (counted or returned)"]);
        var diagnosed = first.Queries.Select((query, i) => (query.Name, Index: i)).Where(q => first.Queries[q.Index].Diagnosis is not null).ToList();
        Table(text, counterHeader, diagnosed.SelectMany(q => Statements.Select(statement =>
        {
            var row = new List<string> { q.Name, statement.Name, Plan(statement.Of(last.Queries[q.Index].Diagnosis!)) };
            row.AddRange(sizes.Select(s => statement.Of(s.Queries[q.Index].Diagnosis!).Counters.VirtualMachineSteps.ToString("N0", Invariant)));
            row.AddRange(
            [
                string.Join(" / ", sizes.Select(s => statement.Of(s.Queries[q.Index].Diagnosis!).Counters.FullScanSteps.ToString("N0", Invariant))),
                string.Join(" / ", sizes.Select(s => statement.Of(s.Queries[q.Index].Diagnosis!).Counters.Sorts.ToString("N0", Invariant))),
                string.Join(" / ", sizes.Select(s => statement.Rows(s.Queries[q.Index].Diagnosis!).ToString("N0", Invariant))),
            ]);
            return row;
        })));
        text.AppendLine("Plans are those at the largest size; counters with several values are per size, smallest first.").AppendLine();

        text.AppendLine("## Statements").AppendLine();
        foreach (var (name, index) in diagnosed)
        {
            text.AppendLine(Invariant, $"**{name}**").AppendLine().AppendLine("```sql");
            foreach (var statement in Statements)
            {
                text.AppendLine(statement.Of(last.Queries[index].Diagnosis!).Sql);
            }

            text.AppendLine("```").AppendLine();
        }

        return text.ToString();
    }

    /// <summary>Each statement, and the rows it stands for: the total it counts, or the rows of the page.</summary>
    private static readonly (string Name, Func<ScimQueryDiagnosis, StatementDiagnosis> Of, Func<ScimQueryDiagnosis, long> Rows)[] Statements =
        [("count", d => d.Count, d => d.Total), ("page", d => d.Page, d => d.Page.Rows)];

    private static string Plan(StatementDiagnosis statement) => string.Join("; ", statement.Plan.Select(line => line.Trim())).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "F2" : "F1", Invariant);

    private static string Ratio(double larger, double smaller) => (larger / smaller).ToString("F2", Invariant);

    private static void Table(StringBuilder text, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        text.AppendLine("| " + string.Join(" | ", header) + " |");
        text.AppendLine("|" + string.Concat(header.Select((_, i) => i == 0 ? "---|" : "---:|")));
        foreach (var row in rows)
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        text.AppendLine();
    }
}
