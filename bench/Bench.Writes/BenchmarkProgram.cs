using AutoRfpHex.TestHost;

namespace AutoRfpHex.Bench.Writes;

/// <summary>
/// The entry point (not top-level statements: those would declare a global <c>Program</c> beside the service's).
/// Progress goes to stderr, the report to stdout and to the markdown file.
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = WriteBenchmarkOptions.Parse(args, Path.Combine(RepositoryRoot.Path, "bench", "results", "writes-latest.md"), out var error);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(error + Environment.NewLine + WriteBenchmarkOptions.Usage);
            return 2;
        }

        return await ReportRun.RunAsync(
            async cancellationToken => WriteReportMarkdown.Render(await WriteBenchmark.RunAsync(options, Console.Error, cancellationToken)), options.Output);
    }
}
