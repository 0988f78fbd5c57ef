using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Database;

/// <summary>
/// Creates every index of <see cref="MongoIndexes"/> at start. Idempotent: an index that exists with the same name and
/// definition is left alone, so every instance may run it at every start; a changed log retention updates the TTL in
/// place; indexes of earlier versions (<see cref="MongoIndexes.Retired"/>) are dropped once the current ones exist. Its
/// first call is also the start-up check of the server: an unreachable or standalone server fails here, with a message
/// naming the setting to fix.
/// </summary>
public sealed class MongoIndexInitializer(MongoStore store)
{
    public async Task EnsureIndexesAsync(CancellationToken cancellationToken)
    {
        BsonDocument hello;
        using (var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            patience.CancelAfter(store.Options.ServerSelectionTimeout);
            try
            {
                hello = await store.Database.RunCommandAsync<BsonDocument>(new BsonDocument("hello", 1), cancellationToken: patience.Token);
            }
            catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw new InvalidOperationException(
                    $"MongoDB is unreachable: no server answered within {store.Options.ServerSelectionTimeout.TotalSeconds:0.#} s for database "
                    + $"'{store.Options.DatabaseName}' (Storage:Mongo:ConnectionString). Start MongoDB or fix the connection string.", ex);
            }
        }

        if (MongoDeployment.WhyNoTransactions(hello) is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        foreach (var index in MongoIndexes.All(store.Options))
        {
            try
            {
                await store.Documents(index.Collection).Indexes.CreateOneAsync(index.Model, cancellationToken: cancellationToken);
            }
            catch (MongoCommandException ex) when (ex.CodeName == "IndexOptionsConflict" && index.Model.Options.ExpireAfter is { } retention)
            {
                // The retention setting changed since the TTL index was made: change it in place (an index cannot be re-created
                // with other options under the same name).
                await store.Database.RunCommandAsync<BsonDocument>(new BsonDocument
                {
                    { "collMod", index.Collection },
                    { "index", new BsonDocument { { "name", index.Model.Options.Name }, { "expireAfterSeconds", (long)retention.TotalSeconds } } },
                }, cancellationToken: cancellationToken);
            }
        }

        // Written only inside transactions, and it has no index to create it: two first transactions creating it together
        // would conflict, so it is made here once.
        try
        {
            await store.Database.CreateCollectionAsync(MongoCollectionNames.AdminGuards, cancellationToken: cancellationToken);
        }
        catch (MongoCommandException ex) when (ex.CodeName == "NamespaceExists")
        {
            // Made by an earlier start or another instance.
        }

        foreach (var (collection, name) in MongoIndexes.Retired)
        {
            try
            {
                await store.Documents(collection).Indexes.DropOneAsync(name, cancellationToken);
            }
            catch (MongoCommandException ex) when (ex.CodeName is "IndexNotFound" or "NamespaceNotFound")
            {
                // Never created here, or already dropped by another instance.
            }
        }
    }
}
