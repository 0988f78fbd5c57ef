using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Database;

/// <summary>The database of the store, on the process's one <see cref="IMongoClient"/> (it pools connections itself).</summary>
public sealed class MongoStore(IMongoClient client, MongoStorageOptions options)
{
    public IMongoClient Client { get; } = client;

    public MongoStorageOptions Options { get; } = options;

    public IMongoDatabase Database { get; } = client.GetDatabase(options.DatabaseName);

    public IMongoCollection<T> Collection<T>(string name) => Database.GetCollection<T>(name);

    public IMongoCollection<BsonDocument> Documents(string name) => Database.GetCollection<BsonDocument>(name);

    /// <summary>
    /// Client settings from the connection string as given. Requests keep the driver's server selection timeout (30 s
    /// unless the connection string says otherwise), long enough to ride out a primary election; only the start-up check
    /// and the readiness probe wait <see cref="MongoStorageOptions.ServerSelectionTimeout"/>.
    /// </summary>
    public static MongoClient CreateClient(MongoStorageOptions options) => new(MongoClientSettings.FromConnectionString(options.ConnectionString));
}
