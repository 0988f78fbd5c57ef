namespace AutoRfpHex.Bench.Writes;

/// <summary>The running service the benchmark measures: where it listens and what memory it uses.</summary>
public interface IServiceUnderTest : IAsyncDisposable
{
    /// <summary>E.g. <c>http://127.0.0.1:5230/</c>.</summary>
    Uri BaseAddress { get; }

    /// <summary>For the report: how the service runs and what its memory figures cover.</summary>
    string Description { get; }

    void StartPhase();

    MemoryReading EndPhase();
}
