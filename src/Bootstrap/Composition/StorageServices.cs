using AutoRfpHex.Adapters.Mongo;
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
                return services.AddMongoStorage(settings.Mongo.ConnectionString, settings.Mongo.Database);
            default:
                throw new InvalidOperationException($"Storage:Provider '{settings.Provider}' is unknown; use 'embedded' or 'mongo'.");
        }
    }
}

/// <summary>Prepares the chosen store at start (schema, indexes), so a misconfigured store fails fast and loudly.</summary>
public sealed record StorageInitializer(Func<IServiceProvider, CancellationToken, Task> RunAsync);
