using AutoRfpHex.TestHost;

namespace AutoRfpHex.Bench.Writes;

/// <summary>
/// The service inside the benchmark's process (the smoke test's mode, and <c>--service in-process</c>): the memory
/// figures include the benchmark's own client, but the GC's are available.
/// </summary>
internal sealed class InProcessService(ServiceHost host) : IServiceUnderTest
{
    private readonly ProcessMemory memory = new(Environment.ProcessId);
    private long allocatedAtStart;

    public Uri BaseAddress => host.BaseAddress;

    public string Description =>
        "in the benchmark's process (Kestrel on 127.0.0.1; memory figures include the benchmark's HTTP client)";

    public void StartPhase()
    {
        GC.Collect();
        memory.ResetPeak();
        allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
    }

    public MemoryReading EndPhase()
    {
        var (peak, current) = memory.Read();
        return new MemoryReading(peak, current, GC.GetGCMemoryInfo().HeapSizeBytes, GC.GetTotalAllocatedBytes(precise: true) - allocatedAtStart);
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
