using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AutoRfpHex.Bench.Writes;

/// <summary>
/// The service as its own process, as an operator runs it: <c>dotnet AutoRfpHex.Bootstrap.dll</c> (from this
/// benchmark's output, where the project reference puts it with its runtimeconfig, deps and appsettings.json) over the
/// seeded database file. Its memory is read from /proc, so the figures are the service's alone.
/// </summary>
internal sealed partial class ServiceProcess : IServiceUnderTest
{
    private readonly Process process;
    private readonly ProcessMemory memory;
    private readonly StreamWriter log;

    private ServiceProcess(Process process, Uri baseAddress, StreamWriter log)
    {
        this.process = process;
        this.log = log;
        BaseAddress = baseAddress;
        memory = new ProcessMemory(process.Id);
    }

    public Uri BaseAddress { get; }

    public string Description => $"as its own process (`dotnet AutoRfpHex.Bootstrap.dll`, pid {process.Id}, Kestrel on {BaseAddress}); memory is that process's, from /proc/{process.Id}/status";

    /// <param name="databasePath">The seeded SQLite file; no other process may have it open.</param>
    /// <param name="port">0: any free port (read back from the service's "Now listening on" line).</param>
    public static async Task<ServiceProcess> StartAsync(string databasePath, int port, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(databasePath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])
        [
            "exec", Path.Combine(AppContext.BaseDirectory, "AutoRfpHex.Bootstrap.dll"),
            "--urls", $"http://127.0.0.1:{port}",
            $"--Storage:Embedded:Path={databasePath}",
            // Warnings only, like the in-process host that logs nothing: a log line per request would be measured too.
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
        ])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The service process did not start.");
        var log = new StreamWriter(Path.Combine(start.WorkingDirectory, "service.log")) { AutoFlush = true };
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The service process exited ({process.ExitCode}); see {start.WorkingDirectory}/service.log."));
        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            return new ServiceProcess(process, address, log);
        }
        catch
        {
            process.Kill();
            await log.DisposeAsync();
            throw;
        }

        void Line(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (log)
            {
                log.WriteLine(line);
            }

            if (ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value.TrimEnd('/') + "/"));
            }
        }
    }

    public void StartPhase() => memory.ResetPeak();

    public MemoryReading EndPhase()
    {
        var (peak, current) = memory.Read();
        return new MemoryReading(peak, current, null, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
