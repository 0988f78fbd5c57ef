namespace AutoRfpHex.Adapters.Sqlite.Database;

internal static partial class SqliteSchema
{
    /// <summary>What a successful SCIM write did (Created, Deactivated, Deleted, ...); null on older events and reads.</summary>
    private const string Migration5ProvisioningChange = """
        ALTER TABLE provisioning_events ADD COLUMN change TEXT;
        """;
}
