using AutoRfpHex.Adapters.Mongo.Diagnostics;
using AutoRfpHex.Bench.Queries;
using AutoRfpHex.Bench.Queries.Diagnostics;
using AutoRfpHex.Bench.Shared;

namespace AutoRfpHex.EndToEnd.Tests.Benchmarks;

/// <summary>
/// The query report of a run on MongoDB (no server here, so from hand-made diagnoses): it names the store and its
/// database, and gives per operation what MongoDB examined, per size, and the explained commands.
/// </summary>
public sealed class MongoReportMarkdownTests
{
    [Fact]
    public void A_MongoDB_run_reports_keys_and_documents_examined_per_size_and_the_commands()
    {
        var options = new BenchmarkOptions([200, 500], Runs: 1, WarmupRuns: 0, ListingPageSamples: 1, Output: null, ServiceWarmupSeconds: 0);
        var report = new BenchmarkReport(options, DateTimeOffset.UnixEpoch, "test machine", "the MongoDB store (database `bench_1`)",
            [Size(200, keys: 1, sortedPage: true), Size(500, keys: 1, sortedPage: false)]);

        var markdown = ReportMarkdown.Render(report);

        markdown.Should().Contain("the MongoDB store (database `bench_1`)").And.Contain("## Work inside MongoDB, per operation")
            .And.NotContain("Work inside SQLite");
        markdown.Should().Contain("| keys examined 200 | keys examined 500 | docs examined 200 | docs examined 500 |");
        markdown.Should().Contain("| userName eq | page | IXSCAN tenant_search_userName_unique → FETCH | tenant_search_userName_unique | 1 | 1 | 1 | 1 | yes / no |");
        markdown.Should().Contain("| userName eq | count | COLLSCAN | none |", "a plan without an index says so");
        markdown.Should().Contain("{ \"find\" : \"scimResources\" }");
    }

    private static SizeMeasurement Size(int users, long keys, bool sortedPage)
    {
        var page = Operation("{ \"find\" : \"scimResources\" }", ["IXSCAN tenant_search_userName_unique", "FETCH"], ["tenant_search_userName_unique"], keys, sortedPage);
        var count = Operation("{ \"aggregate\" : \"scimResources\" }", ["COLLSCAN"], [], keys, inMemorySort: false);
        var diagnosis = new MongoStoreDiagnosis(new MongoQueryDiagnosis(1, count, page));
        return new SizeMeasurement(users, users, TimeSpan.FromSeconds(1),
            [new QueryMeasurement("userName eq", new Latency([1.0]), 1, diagnosis), new QueryMeasurement(QueryScenarios.FamilyNamePrefix, new Latency([2.0]), 5, null)],
            new ListingWalk(1, TimeSpan.FromSeconds(1)));
    }

    private static MongoOperationDiagnosis Operation(string command, string[] plan, string[] indexes, long keys, bool inMemorySort) =>
        new(command, plan, indexes, keys, DocsExamined: 1, Returned: 1, ExecutionMillis: 0, inMemorySort);
}
