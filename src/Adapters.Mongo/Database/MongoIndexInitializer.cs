using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Database;

/// <summary>
/// Creates every index of <see cref="MongoIndexes"/> at start. Idempotent: an index that exists with the same name and
/// definition is left alone, so every instance may run it at every start. Its first call is also the start-up reachability
/// check: an unreachable server fails here, with a message naming the server and the setting to fix.
/// </summary>
public sealed class MongoIndexInitializer(MongoStore store)
{
    public async Task EnsureIndexesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.Database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new InvalidOperationException(
                $"MongoDB is unreachable: no server answered within {store.Options.ServerSelectionTimeout.TotalSeconds:0.#} s for database "
                + $"'{store.Options.DatabaseName}' (Storage:Mongo:ConnectionString). Start MongoDB or fix the connection string.", ex);
        }

        foreach (var collection in MongoIndexes.All(store.Options).GroupBy(index => index.Collection))
        {
            await store.Documents(collection.Key).Indexes.CreateManyAsync(collection.Select(index => index.Model), cancellationToken);
        }
    }
}
