namespace AutoRfpHex.Persistence.ContractTests.Support;

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    /// <returns>The new time.</returns>
    public DateTimeOffset Advance(TimeSpan by) => now += by;
}
