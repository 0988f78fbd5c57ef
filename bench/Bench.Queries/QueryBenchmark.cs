using AutoRfpHex.Bench.Queries.Diagnostics;
using AutoRfpHex.Core.Tenancy;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.Bench.Queries;

/// <summary>
/// The benchmark: the real service on Kestrel at 127.0.0.1 over a fresh store (embedded; or a database of its own on
/// MongoDB when <see cref="ServiceHost.MongoUriVariable"/> is set), one organization with SCIM on and a real credential
/// (client, secret key, access token), grown to each size; at each size every query is timed through HTTP and checked
/// for the right answer, and the store reports its plan and counters for it.
/// </summary>
public static class QueryBenchmark
{
    public static async Task<BenchmarkReport> RunAsync(BenchmarkOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        await using var host = new ServiceHost(captureLog: false);
        var organization = await host.CreateScimOrganizationAsync("bench");
        var connection = await host.ConnectAsync(organization);
        var tenant = new Tenant(organization.OrganizationId, DeploymentEnvironment.Production);
        var loader = new DirectoryLoader(host.Services, tenant, new Uri(host.BaseAddress, "scim/v2").ToString(), new DirectoryPeople(options.Seed));
        var diagnostics = QueryDiagnostics.For(host.Services, tenant);
        var measurement = new ServiceMeasurement(diagnostics, options, new Random(options.Seed), cancellationToken);
        await progress.WriteLineAsync($"Running on {diagnostics.Store}.");
        var sizes = new List<SizeMeasurement>();
        foreach (var size in options.Sizes)
        {
            var added = size - loader.Loaded.Count;
            await progress.WriteLineAsync($"Growing the organization to {size:N0} users…");
            var loadTime = await loader.GrowToAsync(size, progress, cancellationToken);
            await progress.WriteLineAsync($"Measuring at {size:N0} users…");
            using var scim = await host.CreateScimHttpClientAsync(connection); // a fresh token for each size
            if (sizes.Count == 0)
            {
                await measurement.WarmUpServiceAsync(scim, loader.Loaded);
            }

            var queries = new List<QueryMeasurement>();
            foreach (var scenario in QueryScenarios.Filters)
            {
                queries.Add(await measurement.FilterAsync(scim, scenario, loader.Loaded));
            }

            var (listing, walk) = await measurement.ListingAsync(scim, expectedTotal: size + 1); // + the organization's Admin
            queries.AddRange(listing);
            sizes.Add(new SizeMeasurement(size, added, loadTime, queries, walk));
        }

        return new BenchmarkReport(options, started, BenchMachine.Describe(typeof(QueryBenchmark).Assembly), diagnostics.Store, sizes);
    }
}
