namespace AutoRfpHex.Adapters.Sqlite.Database;

internal static partial class SqliteSchema
{
    // Expression indexes use the exact expressions the query translator emits (JsonPaths.Of); a query plan test checks it.
    private const string Migration1ScimResources = """
        CREATE TABLE organizations (
            organization_id TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            scim_enabled INTEGER NOT NULL CHECK (scim_enabled IN (0, 1)),
            created_at TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE scim_resources (
            organization_id TEXT NOT NULL,
            environment TEXT NOT NULL CHECK (environment IN ('production', 'sandbox')),
            id TEXT NOT NULL,
            resource_type TEXT NOT NULL CHECK (resource_type IN ('User', 'Group')),
            version INTEGER NOT NULL,
            created TEXT NOT NULL,
            last_modified TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('Member', 'Admin')),
            is_integration_user INTEGER NOT NULL CHECK (is_integration_user IN (0, 1)),
            attributes TEXT NOT NULL CHECK (json_valid(attributes) AND json_type(attributes) = 'object'),
            PRIMARY KEY (organization_id, environment, id)
        );
        CREATE UNIQUE INDEX ux_scim_users_user_name ON scim_resources
            (organization_id, environment, scim_fold(json_extract(attributes, '$.userName'))) WHERE resource_type = 'User';
        CREATE UNIQUE INDEX ux_scim_groups_display_name ON scim_resources
            (organization_id, environment, scim_fold(json_extract(attributes, '$.displayName'))) WHERE resource_type = 'Group';
        CREATE INDEX ix_scim_display_name ON scim_resources
            (organization_id, environment, resource_type, scim_fold(json_extract(attributes, '$.displayName')));
        CREATE INDEX ix_scim_external_id ON scim_resources
            (organization_id, environment, resource_type, json_extract(attributes, '$.externalId'));
        CREATE INDEX ix_scim_created ON scim_resources (organization_id, environment, resource_type, created, id);
        CREATE INDEX ix_scim_last_modified ON scim_resources (organization_id, environment, resource_type, last_modified);

        -- emails[*].value, folded: an index for the lookups identity providers make before writing (Entra matches on
        -- the work e-mail). Maintained by triggers, so no write path can forget it.
        CREATE TABLE scim_email_values (
            organization_id TEXT NOT NULL,
            environment TEXT NOT NULL,
            resource_id TEXT NOT NULL,
            value_fold TEXT NOT NULL,
            PRIMARY KEY (organization_id, environment, value_fold, resource_id),
            FOREIGN KEY (organization_id, environment, resource_id)
                REFERENCES scim_resources (organization_id, environment, id) ON DELETE CASCADE
        ) WITHOUT ROWID;
        CREATE INDEX ix_scim_email_values_resource ON scim_email_values (organization_id, environment, resource_id);
        CREATE TRIGGER tr_scim_resources_emails_insert AFTER INSERT ON scim_resources BEGIN
            INSERT OR IGNORE INTO scim_email_values (organization_id, environment, resource_id, value_fold)
            SELECT new.organization_id, new.environment, new.id, scim_fold(json_extract(e.value, '$.value'))
            FROM json_each(new.attributes, '$.emails') AS e
            WHERE e.type = 'object' AND json_type(e.value, '$.value') = 'text';
        END;
        CREATE TRIGGER tr_scim_resources_emails_update AFTER UPDATE OF attributes ON scim_resources BEGIN
            DELETE FROM scim_email_values
            WHERE organization_id = old.organization_id AND environment = old.environment AND resource_id = old.id;
            INSERT OR IGNORE INTO scim_email_values (organization_id, environment, resource_id, value_fold)
            SELECT new.organization_id, new.environment, new.id, scim_fold(json_extract(e.value, '$.value'))
            FROM json_each(new.attributes, '$.emails') AS e
            WHERE e.type = 'object' AND json_type(e.value, '$.value') = 'text';
        END;

        -- One row per membership: adding one member to a group of a million is one small write.
        CREATE TABLE scim_memberships (
            organization_id TEXT NOT NULL,
            environment TEXT NOT NULL,
            group_id TEXT NOT NULL,
            member_id TEXT NOT NULL,
            member_type TEXT NOT NULL CHECK (member_type IN ('User', 'Group')),
            PRIMARY KEY (organization_id, environment, group_id, member_id, member_type),
            FOREIGN KEY (organization_id, environment, group_id)
                REFERENCES scim_resources (organization_id, environment, id) ON DELETE CASCADE,
            FOREIGN KEY (organization_id, environment, member_id)
                REFERENCES scim_resources (organization_id, environment, id) ON DELETE CASCADE
        ) WITHOUT ROWID;
        CREATE INDEX ix_scim_memberships_member ON scim_memberships (organization_id, environment, member_id);

        -- Values that depend on the runtime's Unicode tables (the fold), to detect when indexes must be rebuilt.
        CREATE TABLE store_settings (
            key TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        """;
}
