using Microsoft.Extensions.DependencyInjection;

namespace AutoRfpHex.Adapters.Mongo;

public static class MongoStorageRegistration
{
    /// <summary>
    /// MongoDB persistence arrives with the MongoDB issue; until then choosing it is a clear start-up error
    /// rather than a silent fallback to another store.
    /// </summary>
    public static IServiceCollection AddMongoStorage(this IServiceCollection services, string connectionString, string databaseName)
    {
        throw new InvalidOperationException("Storage:Provider=mongo is not available in this version; use the embedded store (Storage:Provider=embedded).");
    }
}
