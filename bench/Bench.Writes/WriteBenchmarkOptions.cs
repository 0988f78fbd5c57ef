using AutoRfpHex.Bench.Shared;
using static AutoRfpHex.Bench.Shared.OptionValues;

namespace AutoRfpHex.Bench.Writes;

/// <summary>Where the service runs: its own process (what an operator runs and sees) or inside the benchmark.</summary>
public enum ServiceMode
{
    Process,
    InProcess,
}

/// <summary>
/// What one run measures. The groups nest: each holds the first N seeded users, so the largest group's users serve
/// every size.
/// </summary>
/// <param name="GroupSizes">Members of each measured group, ascending.</param>
/// <param name="Adds">Timed single-member adds per group and response variant.</param>
/// <param name="WarmupAdds">Untimed adds per group and variant first.</param>
/// <param name="AddSecondsLimit">
/// A variant at one size stops after this many seconds once it has 5 timed adds: today a 1M-member group answers each
/// PATCH with the whole group, and 200 of those would take most of an hour.
/// </param>
/// <param name="Users">Users created over HTTP for each client count.</param>
/// <param name="Clients">Parallel clients for the user creates.</param>
/// <param name="Port">The service process's port (0: any free one).</param>
/// <param name="DataDirectory">Where the SQLite file goes; null: a temporary directory, deleted afterwards.</param>
public sealed record WriteBenchmarkOptions(
    IReadOnlyList<int> GroupSizes,
    int Adds,
    int WarmupAdds,
    int AddSecondsLimit,
    int Users,
    IReadOnlyList<int> Clients,
    ServiceMode Mode,
    int Port,
    string? Output,
    string? DataDirectory = null,
    int Seed = 20261204)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/Bench.Writes -- [options]
          --group-sizes 1000,100000,1000000   members of each measured group (ascending; default as shown)
          --adds N               timed single-member adds per group and response variant (default 200)
          --warmup N             untimed adds per group and variant first (default 20)
          --add-seconds S        stop a variant at one size after S seconds once it has 5 adds (default 120)
          --users N              users created over HTTP per client count (default 10000)
          --clients 1,4,8        parallel clients for the user creates (default 1,4,8)
          --service process|in-process   the service as its own process (default) or inside the benchmark
          --port P               the service process's port on 127.0.0.1 (default 5230; 0 = any free port)
          --data-dir PATH        keep the SQLite file there (default: a temporary directory, deleted afterwards)
          --output PATH          markdown report (default bench/results/writes-latest.md)
          --quick                a fast smoke run: --group-sizes 1000,10000 --adds 30 --warmup 5 --users 1000 --clients 1,4
        """;

    public static WriteBenchmarkOptions Defaults(string output) =>
        new([1_000, 100_000, 1_000_000], 200, 20, 120, 10_000, [1, 4, 8], ServiceMode.Process, 5230, output);

    /// <summary>Single-member adds each group takes: both response variants, warm-up included.</summary>
    public int AddsPerGroup => 2 * (WarmupAdds + Adds);

    /// <returns>The options, or null (with <paramref name="error"/>) when the arguments are wrong.</returns>
    public static WriteBenchmarkOptions? Parse(IReadOnlyList<string> args, string defaultOutput, out string? error)
    {
        var options = OptionParser.Parse(args, Defaults(defaultOutput), (name, value, current) => name switch
        {
            "--quick" => current with { GroupSizes = [1_000, 10_000], Adds = 30, WarmupAdds = 5, Users = 1_000, Clients = [1, 4] },
            "--group-sizes" => current with { GroupSizes = PositiveList(value()) },
            "--adds" => current with { Adds = Positive(value()) },
            "--warmup" => current with { WarmupAdds = Whole(value()) },
            "--add-seconds" => current with { AddSecondsLimit = Positive(value()) },
            "--users" => current with { Users = Positive(value()) },
            "--clients" => current with { Clients = PositiveList(value()) },
            "--service" => current with { Mode = value() switch
            {
                "process" => ServiceMode.Process,
                "in-process" => ServiceMode.InProcess,
                var other => throw new FormatException($"--service is 'process' or 'in-process', not '{other}'."),
            } },
            "--port" => current with { Port = Whole(value()) },
            "--data-dir" => current with { DataDirectory = value() },
            "--output" => current with { Output = value() },
            _ => throw new FormatException($"Unknown option '{name}'."),
        }, out error);
        if (options is not null && !OptionParser.StrictlyAscending(options.GroupSizes))
        {
            error = "--group-sizes must be ascending: the groups nest (each holds the first N seeded users).";
            return null;
        }

        return options;
    }
}
