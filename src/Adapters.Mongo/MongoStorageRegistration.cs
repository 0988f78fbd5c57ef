using AutoRfpHex.Adapters.Mongo.Accounts;
using AutoRfpHex.Adapters.Mongo.Credentials;
using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Adapters.Mongo.Documents;
using AutoRfpHex.Adapters.Mongo.Organizations;
using AutoRfpHex.Adapters.Mongo.ProvisioningLog;
using AutoRfpHex.Adapters.Mongo.Scim;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Credentials;
using AutoRfpHex.Core.Organizations;
using AutoRfpHex.Core.ProvisioningLog;
using AutoRfpHex.Core.Scim.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo;

public static class MongoStorageRegistration
{
    /// <inheritdoc cref="AddMongoStorage(IServiceCollection, MongoStorageOptions)"/>
    public static IServiceCollection AddMongoStorage(this IServiceCollection services, string connectionString, string databaseName) =>
        services.AddMongoStorage(new MongoStorageOptions(connectionString, databaseName));

    /// <summary>
    /// The MongoDB store: every persistence port on one database, through one <see cref="IMongoClient"/> for the process.
    /// Nothing touches the server here; call <see cref="MongoIndexInitializer.EnsureIndexesAsync"/> at start to create the
    /// indexes and fail fast when MongoDB is unreachable.
    /// </summary>
    public static IServiceCollection AddMongoStorage(this IServiceCollection services, MongoStorageOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString, "Storage:Mongo:ConnectionString");
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabaseName, "Storage:Mongo:Database");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxFilterLookupIds, "Storage:Mongo:MaxFilterLookupIds");
        if (options.ProvisioningLogRetention < TimeSpan.FromSeconds(1) || options.ProvisioningLogRetention > MongoStorageOptions.MaxProvisioningLogRetention)
        {
            throw new ArgumentOutOfRangeException("ProvisioningLog:RetentionDays", options.ProvisioningLogRetention.TotalDays,
                $"Provisioning events are kept at least 1 second and at most {MongoStorageOptions.MaxProvisioningLogRetention.TotalDays:0} days (MongoDB's TTL limit).");
        }

        try
        {
            _ = MongoUrl.Create(options.ConnectionString); // a malformed connection string is a start-up error, not a first-request one
        }
        catch (MongoConfigurationException ex)
        {
            // The driver's message may quote the connection string, password included: passed on redacted, without the original.
            var reason = System.Text.RegularExpressions.Regex.Replace(ex.Message, "://[^/@\\s]*@", "://***@");
            throw new ArgumentException($"Storage:Mongo:ConnectionString is not a MongoDB connection string (mongodb:// or mongodb+srv://): {reason}",
                "Storage:Mongo:ConnectionString");
        }
        MongoDocumentConventions.EnsureRegistered();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.TryAddSingleton<IMongoClient>(_ => MongoStore.CreateClient(options));
        services.AddSingleton<MongoStore>();
        services.AddSingleton<MongoIndexInitializer>();
        services.TryAddSingleton<IMongoScimQueryTranslation, MongoScimQueryTranslation>();
        services.AddSingleton<IOrganizationStore, MongoOrganizationStore>();
        services.AddSingleton<IScimResourceStore, MongoScimResourceStore>();
        services.AddSingleton<IUserAccountStore, MongoUserAccountStore>();
        services.AddSingleton<IOAuthClientStore, MongoOAuthClientStore>();
        services.AddSingleton<IClientSecretStore, MongoClientSecretStore>();
        services.AddSingleton<ISigningKeyStore, MongoSigningKeyStore>();
        services.AddSingleton<IProvisioningLog, MongoProvisioningLog>();
        return services;
    }
}
