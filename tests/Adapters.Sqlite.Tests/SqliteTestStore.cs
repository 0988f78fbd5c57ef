using AutoRfpHex.Adapters.Sqlite;
using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Persistence.ContractTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRfpHex.Adapters.Sqlite.Tests;

/// <summary>A store on its own temporary file, wired exactly as the service wires it (AddSqliteStorage); deleted afterwards.</summary>
public static class SqliteTestStore
{
    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), "autorfphex-tests", $"{Guid.NewGuid():N}.db");

    public static Task<PersistencePorts> CreateAsync(TimeProvider time) => OpenAsync(NewDatabasePath(), time, deleteOnDispose: true);

    /// <summary>Opens (or creates) the store at <paramref name="databasePath"/>; disposing closes its connections.</summary>
    public static Task<PersistencePorts> OpenAsync(string databasePath, TimeProvider time, bool deleteOnDispose)
    {
        var services = new ServiceCollection().AddSingleton(time).AddSqliteStorage(databasePath).BuildServiceProvider();
        var ports = new PersistencePorts(services, async () =>
        {
            await services.DisposeAsync();
            if (deleteOnDispose)
            {
                Delete(databasePath);
            }
        });
        return Task.FromResult(ports);
    }

    public static void Delete(string databasePath)
    {
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
