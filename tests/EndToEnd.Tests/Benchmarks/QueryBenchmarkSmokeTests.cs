using AutoRfpHex.Bench.Queries;
using AutoRfpHex.Bench.Queries.Diagnostics;

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
            RequireIndexedUserNameLookup(size.Queries[0].Diagnosis!);
            size.Walk.Pages.Should().Be(1);
        }

        report.Sizes[1].AddedUsers.Should().Be(300, "the second size grows the same organization");
        var markdown = ReportMarkdown.Render(report);
        markdown.Should().Contain(report.Store).And.NotContain("mongodb://", "the report names the store, never its connection string");
        markdown.Should().Contain("| 200 median | 200 p99 | 500 median | 500 p99 |");
        foreach (var row in rows)
        {
            markdown.Should().Contain($"| {row} |");
        }
    }

    /// <summary>The userName lookup reads the userName index, on either store the host runs on (MongoDB when ServiceHost's variable is set).</summary>
    private static void RequireIndexedUserNameLookup(StoreDiagnosis diagnosis)
    {
        switch (diagnosis)
        {
            case SqliteStoreDiagnosis sqlite:
                sqlite.Statements.Count.Plan.Should().ContainSingle().Which.Should().Contain("ux_scim_users_user_name");
                break;
            case MongoStoreDiagnosis mongo:
                mongo.Operations.Page!.Indexes.Should().Contain(Adapters.Mongo.Database.MongoIndexes.UserNameIndex);
                mongo.Operations.Page.Returned.Should().Be(1);
                break;
            default:
                throw new InvalidOperationException($"No check for {diagnosis.GetType().Name}.");
        }
    }
}
