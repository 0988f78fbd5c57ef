namespace AutoRfpHex.Adapters.Sqlite.Database;

internal static partial class SqliteSchema
{
    /// <summary>
    /// The organization's Admins, for the "another active Admin remains" check that runs inside deactivations,
    /// deletions and demotions of Admins (ActiveAdminContinuity): a few rows, instead of every resource of the tenant.
    /// </summary>
    private const string Migration6ActiveAdmins = """
        CREATE INDEX ix_scim_users_admins ON scim_resources (organization_id, environment, id)
            WHERE resource_type = 'User' AND role = 'Admin';
        """;
}
