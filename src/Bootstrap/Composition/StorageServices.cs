using AutoRfpHex.Adapters.Mongo;
using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Adapters.Mongo.Health;
using AutoRfpHex.Adapters.Sqlite;
using AutoRfpHex.Adapters.Sqlite.Database;

namespace AutoRfpHex.Bootstrap.Composition;

public static class StorageServices
{
    public static IServiceCollection AddStorage(this IServiceCollection services, StorageSettings settings)
    {
        switch (settings.Provider.Trim().ToLowerInvariant())
        {
            case "embedded":
                var path = Path.GetFullPath(settings.Embedded.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                services.AddSingleton(new StorageInitializer((provider, ct) => provider.GetRequiredService<SqliteDatabase>().MigrateAsync(ct)));
                return services.AddSqliteStorage(path);
            case "mongo":
                return services.AddMongo(settings.Mongo);
            default:
                throw new InvalidOperationException($"Storage:Provider '{settings.Provider}' is unknown; use 'embedded' or 'mongo'.");
        }
    }

    /// <summary>
    /// MongoDB: indexes created (and the server reached) before the first request, so an unreachable server stops the start
    /// with a clear message; a readiness check (tag <c>ready</c>) pings the database afterwards.
    /// </summary>
    private static IServiceCollection AddMongo(this IServiceCollection services, MongoStorageSettings mongo)
    {
        if (string.IsNullOrWhiteSpace(mongo.ConnectionString))
        {
            throw new InvalidOperationException(
                "Storage:Provider=mongo needs Storage:Mongo:ConnectionString (environment: Storage__Mongo__ConnectionString), e.g. mongodb://127.0.0.1:27017/?replicaSet=rs0.");
        }

        var options = new MongoStorageOptions(mongo.ConnectionString, mongo.Database)
        {
            ServerSelectionTimeout = TimeSpan.FromSeconds(mongo.ServerSelectionTimeoutSeconds),
            // Out of range (0, or past MongoDB's TTL limit) is refused with the setting's name by AddMongoStorage.
            ProvisioningLogRetention = mongo.ProvisioningLogRetentionDays <= MongoStorageOptions.MaxProvisioningLogRetention.TotalDays
                ? TimeSpan.FromDays(Math.Max(mongo.ProvisioningLogRetentionDays, 0))
                : TimeSpan.MaxValue,
            MaxFilterLookupIds = mongo.MaxFilterLookupIds,
        };
        services.AddSingleton(new StorageInitializer((provider, ct) => provider.GetRequiredService<MongoIndexInitializer>().EnsureIndexesAsync(ct)));
        services.AddHealthChecks().AddCheck<MongoReadinessCheck>(MongoReadinessCheck.Name, tags: ["ready"]);
        return services.AddMongoStorage(options);
    }
}

/// <summary>Prepares the chosen store at start (schema, indexes), so a misconfigured store fails fast and loudly.</summary>
public sealed record StorageInitializer(Func<IServiceProvider, CancellationToken, Task> RunAsync);
