using Microsoft.Data.Sqlite;

namespace AutoRfpHex.Adapters.Sqlite.Database;

/// <summary>
/// One database file: opens pooled connections set up the same way every time, migrates the schema once per
/// instance (lazily, or eagerly through <see cref="MigrateAsync"/> at start), and hands out read and write scopes.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    // FULL, not NORMAL: in WAL mode NORMAL survives a process crash but can lose the last commits on power loss.
    // An identity provider never resends a create it saw succeed, so a lost commit is a silent directory drift.
    // FULL costs one fsync of the WAL per write transaction, which a small installation's write rate affords.
    private const string ConnectionSetup = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";

    private readonly string connectionString;
    private readonly SemaphoreSlim migrationGate = new(1, 1);

    // Writers of this process queue here (asynchronously, in order) instead of polling SQLite's busy handler;
    // BEGIN IMMEDIATE still serialises them against other processes sharing the file.
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private volatile bool migrated;

    public SqliteDatabase(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string DatabasePath { get; }

    /// <summary>Creates or upgrades the schema; runs once per instance, later calls return at once.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (migrated)
        {
            return;
        }

        await migrationGate.WaitAsync(cancellationToken);
        try
        {
            if (!migrated)
            {
                await using var connection = await OpenConnectionAsync(cancellationToken);
                await SqliteMigrator.MigrateAsync(connection, cancellationToken);
                migrated = true;
            }
        }
        finally
        {
            migrationGate.Release();
        }
    }

    /// <summary>A connection for single-statement reads (or writes that need no transaction).</summary>
    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        return await OpenConnectionAsync(cancellationToken);
    }

    /// <summary>A read transaction: several statements see one consistent snapshot (e.g. a page and its total).</summary>
    internal async Task<SqliteScope> BeginReadAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        return new SqliteScope(connection, connection.BeginTransaction(deferred: true), null);
    }

    /// <summary>A write transaction, <c>BEGIN IMMEDIATE</c>: the write lock is taken up front, so concurrent writers wait their turn.</summary>
    internal async Task<SqliteScope> BeginWriteAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            var connection = await OpenConnectionAsync(cancellationToken);
            return new SqliteScope(connection, connection.BeginTransaction(deferred: false), writeGate);
        }
        catch
        {
            writeGate.Release();
            throw;
        }
    }

    /// <summary>Closes this file's pooled connections (the WAL is checkpointed when the last one closes).</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            SqliteFunctions.Register(connection);
            await connection.ExecuteAsync(ConnectionSetup, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
