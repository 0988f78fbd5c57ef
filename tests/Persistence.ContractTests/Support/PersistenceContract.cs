namespace AutoRfpHex.Persistence.ContractTests.Support;

/// <summary>
/// Base of every contract class: each test gets a fresh, empty store from the adapter (<see cref="CreateEmptyStoreAsync"/>)
/// and a clock it controls, and the store is released after the test.
/// </summary>
public abstract class PersistenceContract : IAsyncLifetime
{
    protected static readonly CancellationToken None = CancellationToken.None;

    protected ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));

    protected PersistencePorts Store { get; private set; } = null!;

    /// <summary>A new store with no data at all, whose ports read the time from <paramref name="time"/>.</summary>
    protected abstract Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time);

    public async Task InitializeAsync()
    {
        Store = await CreateEmptyStoreAsync(Time);
        await SeedAsync();
    }

    /// <summary>Data every test of the class starts from; none by default.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Store.DisposeAsync();
}
