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
    public static async Task<PersistencePorts> CreateAsync(TimeProvider time)
    {
        var connectionString = await MongoTestServer.GetConnectionStringAsync();
        var services = new ServiceCollection().AddSingleton(time).AddMongoStorage(connectionString, $"contract_{Guid.NewGuid():N}").BuildServiceProvider();
        await services.GetRequiredService<MongoIndexInitializer>().EnsureIndexesAsync(CancellationToken.None);
        return new PersistencePorts(services, async () =>
        {
            var store = services.GetRequiredService<MongoStore>();
            await store.Client.DropDatabaseAsync(store.Options.DatabaseName);
            await services.DisposeAsync();
        });
    }
}
