namespace AutoRfpHex.Adapters.Sqlite.Database;

internal static partial class SqliteSchema
{
    /// <summary>
    /// Indexes the query benchmark showed were missing (bench/Bench.Queries), each on the exact expression the
    /// translator emits, so a query plan test catches any drift:
    /// <list type="bullet">
    /// <item><c>sortBy=userName</c>: the whole sort key of <c>SortSql</c> for userName, in its ORDER BY shape
    /// (key IS NULL, key, id). A page is then read in order from the index, instead of every user of the tenant
    /// being sorted for every page.</item>
    /// <item><c>name.familyName</c>, folded: <c>eq</c> is a lookup and <c>sw</c> a range (ComparisonSql emits one).</item>
    /// </list>
    /// </summary>
    private const string Migration4QueryIndexes = """
        CREATE INDEX ix_scim_users_sort_user_name ON scim_resources (
            organization_id, environment,
            (CASE WHEN json_type(attributes, '$.userName') = 'text' AND json_extract(attributes, '$.userName') <> ''
                  THEN scim_fold(json_extract(attributes, '$.userName')) END) IS NULL,
            (CASE WHEN json_type(attributes, '$.userName') = 'text' AND json_extract(attributes, '$.userName') <> ''
                  THEN scim_fold(json_extract(attributes, '$.userName')) END),
            id) WHERE resource_type = 'User';
        CREATE INDEX ix_scim_users_family_name ON scim_resources
            (organization_id, environment, scim_fold(json_extract(attributes, '$.name.familyName'))) WHERE resource_type = 'User';

        -- The planner's picture of a large installation (see migration 3): a sort key selects one user, a family name a few.
        DELETE FROM sqlite_stat1 WHERE idx IN ('ix_scim_users_sort_user_name', 'ix_scim_users_family_name');
        INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
            ('scim_resources', 'ix_scim_users_sort_user_name', '90000 45000 22500 22500 1 1'),
            ('scim_resources', 'ix_scim_users_family_name', '90000 45000 22500 20');
        ANALYZE sqlite_schema;
        """;
}
