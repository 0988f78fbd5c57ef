using Microsoft.Data.Sqlite;

namespace AutoRfpHex.Adapters.Sqlite.Database;

/// <summary>A connection with its transaction; disposing without <see cref="CommitAsync"/> rolls back.</summary>
internal sealed class SqliteScope(SqliteConnection connection, SqliteTransaction transaction, SemaphoreSlim? heldGate) : IAsyncDisposable
{
    public SqliteConnection Connection { get; } = connection;

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
        finally
        {
            heldGate?.Release();
        }
    }
}
