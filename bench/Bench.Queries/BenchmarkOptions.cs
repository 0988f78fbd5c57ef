using AutoRfpHex.Bench.Shared;
using static AutoRfpHex.Bench.Shared.OptionValues;

namespace AutoRfpHex.Bench.Queries;

/// <summary>
/// What one run measures. Sizes grow one organization (the 100,000 include the first 10,000), so the same tenant is
/// measured as it grows.
/// </summary>
/// <param name="Sizes">Users in the organization at each measurement, ascending.</param>
/// <param name="Runs">Timed requests per query and size (each with another user or prefix).</param>
/// <param name="WarmupRuns">Untimed requests per query and size before the timed ones.</param>
/// <param name="ListingPageSamples">At least this many listing pages are timed per size (the walk repeats on small sizes).</param>
/// <param name="Output">The markdown report; null writes none.</param>
/// <param name="ServiceWarmupSeconds">
/// Before the first measurement, every query runs untimed for this long, so the JIT has tiered up (with profile-guided
/// optimisation) as in a long-running service. With only a few seconds, on 2 cores, the first size measured a colder
/// service than the next ones: lookups looked faster at 100,000 users than at 10,000.
/// </param>
public sealed record BenchmarkOptions(
    IReadOnlyList<int> Sizes, int Runs, int WarmupRuns, int ListingPageSamples, string? Output, int ServiceWarmupSeconds = 30, int Seed = 20260302)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/Bench.Queries -- [options]
          --sizes 10000,100000   users in the organization at each measurement (ascending; default 10000,100000)
          --runs N               timed requests per query and size (default 200)
          --warmup N             untimed requests per query and size first (default 50)
          --service-warmup S     seconds of untimed requests before the first size (default 30)
          --output PATH          markdown report (default bench/results/latest.md)
          --quick                a fast smoke run: --sizes 1000,5000 --runs 30 --warmup 5 --service-warmup 5
        """;

    public static BenchmarkOptions Defaults(string output) => new([10_000, 100_000], 200, 50, 100, output);

    /// <returns>The options, or null (with <paramref name="error"/>) when the arguments are wrong.</returns>
    public static BenchmarkOptions? Parse(IReadOnlyList<string> args, string defaultOutput, out string? error)
    {
        var options = OptionParser.Parse(args, Defaults(defaultOutput), (name, value, current) => name switch
        {
            "--quick" => current with { Sizes = [1_000, 5_000], Runs = 30, WarmupRuns = 5, ListingPageSamples = 20, ServiceWarmupSeconds = 5 },
            "--sizes" => current with { Sizes = PositiveList(value()) },
            "--runs" => current with { Runs = Positive(value()) },
            "--warmup" => current with { WarmupRuns = Whole(value()) },
            "--service-warmup" => current with { ServiceWarmupSeconds = Whole(value()) },
            "--output" => current with { Output = value() },
            _ => throw new FormatException($"Unknown option '{name}'."),
        }, out error);
        if (options is not null && !OptionParser.StrictlyAscending(options.Sizes))
        {
            error = "--sizes must be ascending: each size adds users to the same organization.";
            return null;
        }

        return options;
    }
}
