namespace AutoRfpHex.Adapters.Sqlite.Database;

internal static partial class SqliteSchema
{
    /// <summary>Retention prunes events of every organization by time (SqliteProvisioningLog.DeleteOlderThanAsync).</summary>
    private const string Migration7LogRetention = """
        CREATE INDEX ix_provisioning_events_retention ON provisioning_events (time);
        """;
}
