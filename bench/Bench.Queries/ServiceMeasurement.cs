using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using AutoRfpHex.Bench.Queries.Diagnostics;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Bench.Queries;

/// <summary>
/// Times the benchmark's requests through HTTP and checks every answer (a wrong answer voids the run), and asks the
/// store for the plan and counters of each query.
/// </summary>
internal sealed class ServiceMeasurement(IQueryDiagnostics diagnostics, BenchmarkOptions options, Random random, CancellationToken cancellationToken)
{
    public async Task WarmUpServiceAsync(HttpClient scim, IReadOnlyList<DirectoryPerson> people)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < options.ServiceWarmupSeconds)
        {
            foreach (var scenario in QueryScenarios.Filters)
            {
                await GetAsync(scim, scenario.Url(people[random.Next(people.Count)]));
            }

            await GetAsync(scim, QueryScenarios.ListingUrl(1));
        }
    }

    public async Task<QueryMeasurement> FilterAsync(HttpClient scim, FilterScenario scenario, IReadOnlyList<DirectoryPerson> people)
    {
        var timings = new List<double>();
        var results = new List<int>();
        for (var run = 0; run < options.WarmupRuns + options.Runs; run++)
        {
            var person = people[random.Next(people.Count)]; // another value every time: no cache flatters the lookup
            var (milliseconds, body) = await GetAsync(scim, scenario.Url(person));
            var total = Check(body, scenario, person);
            if (run >= options.WarmupRuns)
            {
                timings.Add(milliseconds);
                results.Add(total);
            }
        }

        // The plan and counters for the first person, who is there at every size: the same query as the organization grows.
        return new QueryMeasurement(scenario.Name, new Latency(timings), results.Average(), await DiagnoseAsync(scenario.StoreQuery(people[0])));
    }

    /// <summary>Walks every page in userName order (again on small sizes, for enough samples), then times the first and last pages.</summary>
    public async Task<(IReadOnlyList<QueryMeasurement> Rows, ListingWalk Walk)> ListingAsync(HttpClient scim, int expectedTotal)
    {
        for (var run = 0; run < Math.Min(options.WarmupRuns, 3); run++)
        {
            await GetAsync(scim, QueryScenarios.ListingUrl(1));
        }

        var pages = new List<double>();
        var walks = 0;
        var firstWalk = TimeSpan.Zero;
        do
        {
            var clock = Stopwatch.StartNew();
            pages.AddRange(await WalkAsync(scim, expectedTotal));
            firstWalk = walks++ == 0 ? clock.Elapsed : firstWalk;
        }
        while (pages.Count < options.ListingPageSamples);

        var lastStart = QueryScenarios.LastPageStart(expectedTotal);
        var rows = new List<QueryMeasurement>
        {
            new(QueryScenarios.ListingPage, new Latency(pages), expectedTotal, null),
            new(QueryScenarios.ListingCursorPage, new Latency(await CursorWalkAsync(scim, expectedTotal)), expectedTotal, null),
            await PageAsync(scim, QueryScenarios.ListingFirstPage, 1, expectedTotal),
            await PageAsync(scim, QueryScenarios.ListingLastPage, lastStart, expectedTotal),
        };
        return (rows, new ListingWalk(pages.Count / walks, firstWalk));
    }

    private async Task<List<double>> WalkAsync(HttpClient scim, int expectedTotal)
    {
        var timings = new List<double>();
        var order = new ListingOrderCheck(expectedTotal);
        for (var start = 1; start <= expectedTotal; start += QueryScenarios.ListingPageSize)
        {
            var (milliseconds, body) = await GetAsync(scim, QueryScenarios.ListingUrl(start));
            timings.Add(milliseconds);
            order.Add(body);
        }

        order.RequireComplete();
        return timings;
    }

    /// <summary>The same walk by cursor: each page a keyset seek, so the last page should cost what the first does.</summary>
    private async Task<List<double>> CursorWalkAsync(HttpClient scim, int expectedTotal)
    {
        var timings = new List<double>();
        var order = new ListingOrderCheck(expectedTotal);
        string? cursor = string.Empty;
        while (cursor is not null)
        {
            var (milliseconds, body) = await GetAsync(scim, QueryScenarios.ListingCursorUrl(cursor));
            timings.Add(milliseconds);
            order.Add(body);
            cursor = (string?)body["nextCursor"];
        }

        order.RequireComplete();
        return timings;
    }

    /// <summary>Checks a walk's pages: the counted total, the order the service promises (userName folded, code point order), every user once.</summary>
    private sealed class ListingOrderCheck(int expectedTotal)
    {
        private string? previous;
        private int seen;

        public void Add(JsonObject page)
        {
            Require((int)page["totalResults"]! == expectedTotal, $"the listing counts {page["totalResults"]} users, not {expectedTotal}");
            foreach (var user in page["Resources"]!.AsArray())
            {
                var key = ((string)user!["userName"]!).ToUpperInvariant();
                Require(previous is null || string.CompareOrdinal(previous, key) < 0, $"the listing is out of userName order at {key}");
                (previous, seen) = (key, seen + 1);
            }
        }

        public void RequireComplete() => Require(seen == expectedTotal, $"the walk returned {seen} users, not {expectedTotal}");
    }

    private async Task<QueryMeasurement> PageAsync(HttpClient scim, string name, int startIndex, int expectedTotal)
    {
        var timings = new List<double>();
        for (var run = 0; run < Math.Min(options.Runs, 20); run++)
        {
            var (milliseconds, body) = await GetAsync(scim, QueryScenarios.ListingUrl(startIndex));
            Require((int)body["itemsPerPage"]! == Math.Min(QueryScenarios.ListingPageSize, expectedTotal - startIndex + 1), $"{name} has a wrong page size");
            timings.Add(milliseconds);
        }

        return new QueryMeasurement(name, new Latency(timings), expectedTotal, await DiagnoseAsync(QueryScenarios.ListingStoreQuery(startIndex)));
    }

    private Task<StoreDiagnosis> DiagnoseAsync(ScimQuery query) => diagnostics.DiagnoseAsync(query, cancellationToken);

    /// <summary>One request, timed from sending to the last byte of the body; the JSON is parsed after the clock stops.</summary>
    private async Task<(double Milliseconds, JsonObject Body)> GetAsync(HttpClient scim, string url)
    {
        var clock = Stopwatch.StartNew();
        using var response = await scim.GetAsync(url, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var milliseconds = clock.Elapsed.TotalMilliseconds;
        Require(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes)}");
        return (milliseconds, JsonNode.Parse(bytes)!.AsObject());
    }

    private static int Check(JsonObject body, FilterScenario scenario, DirectoryPerson person)
    {
        var total = (int)body["totalResults"]!;
        var resources = body["Resources"]!.AsArray();
        if (scenario.FindsThePerson)
        {
            Require(total == 1 && (string)resources[0]!["userName"]! == person.UserName, $"{scenario.Name} for {person.UserName} found {total} users");
        }
        else
        {
            Require(total >= 1 && resources.Count == Math.Min(total, scenario.Count ?? total), $"{scenario.Name} for {person.FamilyName} found {total} users, {resources.Count} on the page");
        }

        return total;
    }

    private static void Require(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Wrong answer, the measurement is void: " + failure);
        }
    }
}
