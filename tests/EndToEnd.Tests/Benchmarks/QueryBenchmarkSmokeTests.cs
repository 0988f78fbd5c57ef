using AutoRfpHex.Bench.Queries;

namespace AutoRfpHex.EndToEnd.Tests.Benchmarks;

/// <summary>
/// The query benchmark's harness, at a toy size: it runs end to end (service, credential, loading, every query checked
/// for the right answer, the store's plans) and reports every row. Timings are never asserted here.
/// </summary>
public sealed class QueryBenchmarkSmokeTests
{
    [Fact]
    public async Task The_harness_measures_every_query_at_every_size_and_reports_it()
    {
        var options = new BenchmarkOptions([200, 500], Runs: 5, WarmupRuns: 1, ListingPageSamples: 1, Output: null, ServiceWarmupSeconds: 0);

        var report = await QueryBenchmark.RunAsync(options, TextWriter.Null, CancellationToken.None);

        report.Sizes.Select(s => s.Users).Should().Equal(200, 500);
        string[] rows =
        [
            .. QueryScenarios.Filters.Select(f => f.Name), QueryScenarios.ListingPage, QueryScenarios.ListingCursorPage,
            QueryScenarios.ListingFirstPage, QueryScenarios.ListingLastPage,
        ];
        foreach (var size in report.Sizes)
        {
            size.Queries.Select(q => q.Name).Should().Equal(rows);
            size.Queries.Should().OnlyContain(q => q.Latency.Samples >= 1);
            size.Queries.Where(q => q.Name is not QueryScenarios.ListingPage and not QueryScenarios.ListingCursorPage)
                .Should().OnlyContain(q => q.Diagnosis != null);
            size.Queries[0].Diagnosis!.Count.Plan.Should().ContainSingle().Which.Should().Contain("ux_scim_users_user_name");
            size.Walk.Pages.Should().Be(1);
        }

        report.Sizes[1].AddedUsers.Should().Be(300, "the second size grows the same organization");
        var markdown = ReportMarkdown.Render(report);
        markdown.Should().Contain("| 200 median | 200 p99 | 500 median | 500 p99 |");
        foreach (var row in rows)
        {
            markdown.Should().Contain($"| {row} |");
        }
    }
}
