namespace AutoRfpHex.Bench.Writes;

/// <summary>
/// The service's memory over one phase. <see cref="PeakResidentBytes"/> is Linux's VmHWM (the resident set's high-water
/// mark, what an operator's tools show as peak RSS), reset at the start of the phase through <c>clear_refs</c>.
/// The GC figures exist only when the service runs inside the benchmark.
/// </summary>
/// <param name="GcHeapBytes">The GC heap after the phase's last collection.</param>
/// <param name="AllocatedBytes">Bytes the process allocated during the phase.</param>
public sealed record MemoryReading(long PeakResidentBytes, long ResidentBytes, long? GcHeapBytes, long? AllocatedBytes);

/// <summary>Reads a process's memory from /proc (Linux): its peak and current resident set.</summary>
internal sealed class ProcessMemory(int processId)
{
    private readonly string directory = $"/proc/{processId}";

    /// <summary>Starts a new peak: writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0+).</summary>
    public void ResetPeak()
    {
        try
        {
            File.WriteAllText(Path.Combine(directory, "clear_refs"), "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the peak then runs from the process's start, which the report says.
        }
    }

    public (long Peak, long Current) Read()
    {
        var status = File.ReadAllLines(Path.Combine(directory, "status"));
        long Kilobytes(string key) =>
            status.Where(line => line.StartsWith(key + ":", StringComparison.Ordinal))
                .Select(line => long.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024)
                .FirstOrDefault();
        return (Kilobytes("VmHWM"), Kilobytes("VmRSS"));
    }
}
