using AutoRfpHex.TestHost;

namespace AutoRfpHex.Bench.Queries;

/// <summary>
/// The entry point (not top-level statements: those would declare a global <c>Program</c> beside the service's).
/// Progress goes to stderr, the report to stdout and to the markdown file.
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = BenchmarkOptions.Parse(args, Path.Combine(RepositoryRoot.Path, "bench", "results", "latest.md"), out var error);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(error + Environment.NewLine + BenchmarkOptions.Usage);
            return 2;
        }

        return await ReportRun.RunAsync(
            async cancellationToken => ReportMarkdown.Render(await QueryBenchmark.RunAsync(options, Console.Error, cancellationToken)), options.Output);
    }
}
