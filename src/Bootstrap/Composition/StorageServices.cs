using AutoRfpHex.Adapters.Mongo;
using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Adapters.Mongo.Health;
using AutoRfpHex.Adapters.Sqlite;
using AutoRfpHex.Adapters.Sqlite.Database;

namespace AutoRfpHex.Bootstrap.Composition;

public static class StorageServices
{
    /// <param name="logRetention">How long provisioning events are kept (MongoDB also enforces it with a TTL index).</param>
    public static IServiceCollection AddStorage(this IServiceCollection services, StorageSettings settings, TimeSpan logRetention)
    {
        switch (settings.Provider.Trim().ToLowerInvariant())
        {
            case "embedded":
                var path = Path.GetFullPath(settings.Embedded.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                services.AddSingleton(new StorageInitializer((provider, ct) => provider.GetRequiredService<SqliteDatabase>().MigrateAsync(ct)));
                return services.AddSqliteStorage(path);
            case "mongo":
                return services.AddMongo(settings.Mongo, logRetention);
            default:
                throw new InvalidOperationException($"Storage:Provider '{settings.Provider}' is unknown; use 'embedded' or 'mongo'.");
        }
    }

    /// <summary>
    /// MongoDB: indexes created (and the server reached) before the first request, so an unreachable server stops the start
    /// with a clear message; a readiness check (tag <c>ready</c>) pings the database afterwards.
    /// </summary>
    private static IServiceCollection AddMongo(this IServiceCollection services, MongoStorageSettings mongo, TimeSpan logRetention)
    {
        if (string.IsNullOrWhiteSpace(mongo.ConnectionString))
        {
            throw new InvalidOperationException(
                "Storage:Provider=mongo needs Storage:Mongo:ConnectionString (environment: Storage__Mongo__ConnectionString), e.g. mongodb://127.0.0.1:27017/?replicaSet=rs0.");
        }

        var options = new MongoStorageOptions(mongo.ConnectionString, mongo.Database)
        {
            ServerSelectionTimeout = TimeSpan.FromSeconds(mongo.ServerSelectionTimeoutSeconds),
            ProvisioningLogRetention = logRetention,
            MaxFilterLookupIds = mongo.MaxFilterLookupIds,
        };
        services.AddSingleton(new StorageInitializer((provider, ct) => provider.GetRequiredService<MongoIndexInitializer>().EnsureIndexesAsync(ct)));
        services.AddHealthChecks().AddCheck<MongoReadinessCheck>(MongoReadinessCheck.Name, tags: ["ready"]);
        return services.AddMongoStorage(options);
    }
}

/// <summary>Prepares the chosen store at start (schema, indexes), so a misconfigured store fails fast and loudly.</summary>
public sealed record StorageInitializer(Func<IServiceProvider, CancellationToken, Task> RunAsync);
