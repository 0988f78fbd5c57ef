using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AutoRfpHex.TestHost;

namespace AutoRfpHex.Bootstrap.Tests;

/// <summary>
/// Runs the built service (src/Bootstrap's own output, as <c>dotnet run</c> would) as a separate process with
/// environment settings, capturing what it prints.
/// </summary>
internal sealed class BootstrapProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder errors = new();

    private BootstrapProcess(Process process)
    {
        this.process = process;
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (errors)
            {
                return errors.ToString();
            }
        }
    }

    /// <summary>The Bootstrap build of the same configuration (Debug/Release) as these tests.</summary>
    public static string AssemblyPath
    {
        get
        {
            // …/bin/{Configuration}/net10.0/
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            return Path.Combine(RepositoryRoot.Path, "src", "Bootstrap", "bin", configuration, "net10.0", "AutoRfpHex.Bootstrap.dll");
        }
    }

    public static BootstrapProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        File.Exists(AssemblyPath).Should().BeTrue($"the Bootstrap build is expected at {AssemblyPath}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(AssemblyPath)!,
        };
        start.ArgumentList.Add(AssemblyPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Secrets__BCryptWorkFactor"] = "4";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var running = new BootstrapProcess(process);
        process.OutputDataReceived += (_, e) => running.Append(running.output, e.Data);
        process.ErrorDataReceived += (_, e) => running.Append(running.errors, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Runs a command to completion; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        process.WaitForExit(); // flushes the redirected streams
        return process.ExitCode;
    }

    /// <summary>Waits until the output holds <paramref name="text"/>; false on timeout or exit.</summary>
    public async Task<bool> WaitForOutputAsync(Func<string, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (condition(Output))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return condition(Output);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (target)
        {
            target.AppendLine(line);
        }
    }
}
