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

        if (Environment.GetEnvironmentVariable(ServiceHost.MongoUriVariable) is { Length: > 0 })
        {
            // The seed is a SQLite file handed from the seeding host to the measured service; on MongoDB each host would
            // use a database of its own and the measured service would find nothing.
            await Console.Error.WriteLineAsync(
                $"The write benchmark runs on the embedded store only; unset {ServiceHost.MongoUriVariable} (the query benchmark runs on MongoDB).");
            return 2;
        }

        return await ReportRun.RunAsync(
            async cancellationToken => WriteReportMarkdown.Render(await WriteBenchmark.RunAsync(options, Console.Error, cancellationToken)), options.Output);
    }
}
