using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Persistence.ContractTests.Support;
using Microsoft.Data.Sqlite;

namespace AutoRfpHex.Adapters.Sqlite.Tests;

/// <summary>A database file shared by several store instances (as several service processes would share it); deleted at the end.</summary>
public sealed class TemporaryDatabase : IAsyncLifetime
{
    private readonly List<PersistencePorts> opened = [];

    public string Path { get; } = SqliteTestStore.NewDatabasePath();

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));

    /// <summary>A new, independent instance of the store on this file (its own pool, gates and migration flag).</summary>
    public async Task<PersistencePorts> OpenStoreAsync()
    {
        var ports = await SqliteTestStore.OpenAsync(Path, Time, deleteOnDispose: false);
        opened.Add(ports);
        return ports;
    }

    /// <summary>A raw connection with the store's functions, for inspecting what the store wrote.</summary>
    internal async Task<SqliteConnection> OpenConnectionAsync()
    {
        using var database = new SqliteDatabase(Path);
        return await database.OpenAsync(CancellationToken.None);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var ports in opened)
        {
            await ports.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        SqliteTestStore.Delete(Path);
    }
}
