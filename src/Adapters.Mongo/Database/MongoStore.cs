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
    /// Client settings from the connection string, with the short server selection timeout of <paramref name="options"/>
    /// unless the connection string names its own (serverSelectionTimeoutMS).
    /// </summary>
    public static MongoClient CreateClient(MongoStorageOptions options)
    {
        var settings = MongoClientSettings.FromConnectionString(options.ConnectionString);
        if (!options.ConnectionString.Contains("serverSelectionTimeoutMS=", StringComparison.OrdinalIgnoreCase))
        {
            settings.ServerSelectionTimeout = options.ServerSelectionTimeout;
        }

        return new MongoClient(settings);
    }
}
