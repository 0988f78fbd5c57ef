using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Database;

/// <summary>
/// Multi-document transactions, for writes that change several documents together (a group and its members, a user and
/// its memberships). WithTransactionAsync retries the whole body on TransientTransactionError (write conflicts with a
/// concurrent transaction, a primary step-down) and the commit on UnknownTransactionCommitResult, so each body re-reads
/// what it checks. Needs a replica set (a single-node one is enough).
/// </summary>
internal static class MongoTransactions
{
    private static readonly TransactionOptions Options = new(
        readConcern: ReadConcern.Snapshot, writeConcern: WriteConcern.WMajority, readPreference: ReadPreference.Primary);

    public static async Task<T> RunAsync<T>(IMongoClient client, Func<IClientSessionHandle, CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        using var session = await client.StartSessionAsync(cancellationToken: cancellationToken);
        return await session.WithTransactionAsync((s, ct) => body(s, ct), Options, cancellationToken);
    }
}
