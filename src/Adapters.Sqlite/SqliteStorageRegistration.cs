using AutoRfpHex.Adapters.Sqlite.Accounts;
using AutoRfpHex.Adapters.Sqlite.Credentials;
using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Adapters.Sqlite.Organizations;
using AutoRfpHex.Adapters.Sqlite.ProvisioningLog;
using AutoRfpHex.Adapters.Sqlite.Scim;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Credentials;
using AutoRfpHex.Core.Organizations;
using AutoRfpHex.Core.ProvisioningLog;
using AutoRfpHex.Core.Scim.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AutoRfpHex.Adapters.Sqlite;

public static class SqliteStorageRegistration
{
    /// <summary>
    /// The embedded store: every persistence port on one SQLite file at <paramref name="databasePath"/> (created, with
    /// its folder, when missing). The schema is migrated once per process, on first use; call
    /// <see cref="SqliteDatabase.MigrateAsync"/> at start to do it eagerly and fail fast.
    /// </summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new SqliteDatabase(databasePath));
        services.AddSingleton<IOrganizationStore, SqliteOrganizationStore>();
        services.AddSingleton<IScimResourceStore, SqliteScimResourceStore>();
        services.AddSingleton<IUserAccountStore, SqliteUserAccountStore>();
        services.AddSingleton<IOAuthClientStore, SqliteOAuthClientStore>();
        services.AddSingleton<IClientSecretStore, SqliteClientSecretStore>();
        services.AddSingleton<ISigningKeyStore, SqliteSigningKeyStore>();
        services.AddSingleton<IProvisioningLog, SqliteProvisioningLog>();
        return services;
    }
}
