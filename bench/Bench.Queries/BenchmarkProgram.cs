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

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        // The service prints its start-up banner to stdout; stdout is for the report alone.
        var stdout = Console.Out;
        Console.SetOut(Console.Error);
        BenchmarkReport report;
        try
        {
            report = await QueryBenchmark.RunAsync(options, Console.Error, cancellation.Token);
        }
        finally
        {
            Console.SetOut(stdout);
        }

        var markdown = ReportMarkdown.Render(report);
        Console.WriteLine(markdown);
        if (options.Output is { } output)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            await File.WriteAllTextAsync(output, markdown);
            await Console.Error.WriteLineAsync($"Report written to {Path.GetFullPath(output)}");
        }

        return 0;
    }
}
