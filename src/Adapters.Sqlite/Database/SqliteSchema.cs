namespace AutoRfpHex.Adapters.Sqlite.Database;

/// <summary>
/// The versioned schema: migration N (1-based) upgrades <c>PRAGMA user_version</c> N-1 to N. Append new migrations;
/// never edit a shipped one. Every tenant-data table carries organization_id and environment (the clients, secrets
/// and log keep their organization; signing keys and organizations themselves are service-wide).
/// </summary>
internal static partial class SqliteSchema
{
    public static IReadOnlyList<string> Migrations { get; } = [Migration1ScimResources, Migration2CredentialsAndLog, Migration3PlannerStatistics, Migration4QueryIndexes, Migration5ProvisioningChange, Migration6ActiveAdmins, Migration7LogRetention];
}
