using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Persistence.ContractTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRfpHex.Adapters.Mongo.Tests.Server;

/// <summary>
/// A store on its own database of the test server, wired and initialised exactly as the service does it (AddMongoStorage,
/// then the start-up index creation); the database is dropped afterwards.
/// </summary>
public static class MongoTestStore
{
    /// <param name="configure">Changes to the options the service would use (e.g. a small limit to reach it).</param>
    public static async Task<PersistencePorts> CreateAsync(TimeProvider time, Func<MongoStorageOptions, MongoStorageOptions>? configure = null)
    {
        var connectionString = await MongoTestServer.GetConnectionStringAsync();
        // The contract's clock is fixed (March 2026); a real-time TTL must not remove its events while a test reads them.
        // The longest TTL MongoDB takes is int32 seconds (68 years).
        var options = new MongoStorageOptions(connectionString, $"contract_{Guid.NewGuid():N}") { ProvisioningLogRetention = MongoStorageOptions.MaxProvisioningLogRetention };
        options = configure?.Invoke(options) ?? options;
        var services = new ServiceCollection().AddSingleton(time).AddMongoStorage(options).BuildServiceProvider();
        await services.GetRequiredService<MongoIndexInitializer>().EnsureIndexesAsync(CancellationToken.None);
        return new PersistencePorts(services, async () =>
        {
            var store = services.GetRequiredService<MongoStore>();
            await store.Client.DropDatabaseAsync(store.Options.DatabaseName);
            await services.DisposeAsync();
        });
    }
}
