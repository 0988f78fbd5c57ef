using AutoRfpHex.Persistence.ContractTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRfpHex.Adapters.Mongo.Tests.Server;

/// <summary>A store on its own database of the test server, wired exactly as the service wires it (AddMongoStorage); dropped afterwards.</summary>
public static class MongoTestStore
{
    public static async Task<PersistencePorts> CreateAsync(TimeProvider time)
    {
        var connectionString = await MongoTestServer.GetConnectionStringAsync();
        var database = $"contract_{Guid.NewGuid():N}";
        var services = new ServiceCollection().AddSingleton(time).AddMongoStorage(connectionString, database).BuildServiceProvider();
        return new PersistencePorts(services, async () => await services.DisposeAsync());
    }
}
