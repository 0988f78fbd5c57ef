using System.Globalization;
using System.Text;
using AutoRfpHex.Bench.Queries.Diagnostics;

namespace AutoRfpHex.Bench.Queries;

/// <summary>The report as markdown: readable as printed on the console, and as the file the run writes.</summary>
public static class ReportMarkdown
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(BenchmarkReport report)
    {
        var text = new StringBuilder();
        var options = report.Options;
        text.AppendLine("# SCIM query benchmark").AppendLine()
            .AppendLine(Invariant, $"Run {report.Started:yyyy-MM-dd HH:mm} UTC on {report.Machine}. ")
            .AppendLine(Invariant, $"{options.Runs} timed requests per query and size, after {options.ServiceWarmupSeconds} s of untimed requests before the first size and {options.WarmupRuns} untimed requests per query at each size; every request for another user or prefix; one client, sequential requests over a kept-alive connection. ")
            .AppendLine(Invariant, $"Latency is from sending the request to the last byte of the response, through Kestrel, authentication (a JWT access token), the SCIM use case, {report.Store} and the provisioning-log write every SCIM call makes.")
            .AppendLine();
        Latencies(text, report.Sizes);
        Totals(text, report.Sizes);
        // Each store counts other work: SQLite its statement counters, MongoDB what explain says it examined.
        switch (report.Sizes[0].Queries.Select(q => q.Diagnosis).OfType<StoreDiagnosis>().FirstOrDefault())
        {
            case SqliteStoreDiagnosis:
                SqliteWorkMarkdown.Append(text, report.Sizes);
                break;
            case MongoStoreDiagnosis:
                MongoWorkMarkdown.Append(text, report.Sizes);
                break;
        }

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

    private static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "F2" : "F1", Invariant);

    private static string Ratio(double larger, double smaller) => (larger / smaller).ToString("F2", Invariant);
}
