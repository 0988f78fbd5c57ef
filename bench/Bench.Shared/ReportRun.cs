namespace AutoRfpHex.Bench.Shared;

/// <summary>
/// Runs a benchmark from its entry point: Ctrl+C cancels it, progress goes to stderr, the markdown report to stdout
/// and to the output file.
/// </summary>
public static class ReportRun
{
    /// <param name="run">Runs the benchmark and renders its report as markdown.</param>
    /// <param name="output">The markdown file; null writes none.</param>
    public static async Task<int> RunAsync(Func<CancellationToken, Task<string>> run, string? output)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        // The service prints its start-up banner to stdout; stdout is for the report alone.
        var stdout = Console.Out;
        Console.SetOut(Console.Error);
        string markdown;
        try
        {
            markdown = await run(cancellation.Token);
        }
        finally
        {
            Console.SetOut(stdout);
        }

        Console.WriteLine(markdown);
        if (output is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            await File.WriteAllTextAsync(output, markdown);
            await Console.Error.WriteLineAsync($"Report written to {Path.GetFullPath(output)}");
        }

        return 0;
    }
}
