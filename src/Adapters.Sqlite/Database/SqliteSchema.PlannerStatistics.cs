namespace AutoRfpHex.Adapters.Sqlite.Database;

internal static partial class SqliteSchema
{
    /// <summary>
    /// The shape of a large installation, told to the query planner (sqlite_stat1, SQLite's documented way to steer it):
    /// a tenant prefix selects many rows, an id, folded userName or e-mail selects one. Without it an empty or small file
    /// would plan lookups by a tenant-wide index and keep those plans as it grows. Numbers: rows, then rows per key prefix.
    /// </summary>
    private const string Migration3PlannerStatistics = """
        ANALYZE;
        DELETE FROM sqlite_stat1 WHERE tbl IN ('scim_resources', 'scim_email_values', 'scim_memberships');
        INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
            ('scim_resources', 'sqlite_autoindex_scim_resources_1', '100000 50000 25000 1'),
            ('scim_resources', 'ux_scim_users_user_name', '90000 45000 22500 1'),
            ('scim_resources', 'ux_scim_groups_display_name', '10000 5000 2500 1'),
            ('scim_resources', 'ix_scim_display_name', '100000 50000 25000 12500 2'),
            ('scim_resources', 'ix_scim_external_id', '100000 50000 25000 12500 2'),
            ('scim_resources', 'ix_scim_created', '100000 50000 25000 12500 1 1'),
            ('scim_resources', 'ix_scim_last_modified', '100000 50000 25000 12500 1'),
            ('scim_email_values', 'scim_email_values', '100000 50000 25000 1 1'),
            ('scim_email_values', 'ix_scim_email_values_resource', '100000 50000 25000 1'),
            ('scim_memberships', 'scim_memberships', '1000000 500000 250000 100 1 1'),
            ('scim_memberships', 'ix_scim_memberships_member', '1000000 500000 250000 10');
        ANALYZE sqlite_schema;
        """;
}
