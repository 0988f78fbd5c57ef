using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace AutoRfpHex.Bench.Shared;

/// <summary>The machine line of a report: cores, OS, runtime, the build and the load, which all move the timings.</summary>
public static class BenchMachine
{
    public static string Describe(Assembly benchmark) =>
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, "
        + (benchmark.GetCustomAttributes(false).OfType<DebuggableAttribute>().Any(a => a.IsJITOptimizerDisabled)
            ? "Debug build (timings not representative)"
            : "Release build")
        + (File.Exists("/proc/loadavg") ? $", load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))} at the end" : string.Empty);
}
