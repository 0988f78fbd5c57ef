using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Adapters.Mongo.Scim;
using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRfpHex.Bench.Queries.Diagnostics;

/// <summary>Picks the diagnostics of the store the host was composed with (ServiceHost runs on MongoDB when its variable is set).</summary>
public static class QueryDiagnostics
{
    public static IQueryDiagnostics For(IServiceProvider services, Tenant tenant)
    {
        if (services.GetService<SqliteDatabase>() is { } database)
        {
            return new SqliteDiagnostics(database, tenant);
        }

        if (services.GetService<MongoStore>() is { } store)
        {
            return new MongoDiagnostics(store, services.GetRequiredService<IMongoScimQueryTranslation>(), tenant);
        }

        throw new InvalidOperationException("The host runs on a store the benchmark has no diagnostics for (neither SQLite nor MongoDB).");
    }
}
