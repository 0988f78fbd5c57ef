namespace AutoRfpHex.Adapters.Sqlite.Database;

/// <summary>
/// The versioned schema: migration N (1-based) upgrades <c>PRAGMA user_version</c> N-1 to N. Append new migrations;
/// never edit a shipped one. Every tenant-data table carries organization_id and environment (the clients, secrets
/// and log keep their organization; signing keys and organizations themselves are service-wide).
/// </summary>
internal static class SqliteSchema
{
    public static IReadOnlyList<string> Migrations { get; } = [Migration1ScimResources, Migration2CredentialsAndLog, Migration3PlannerStatistics];

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

    private const string Migration2CredentialsAndLog = """
        CREATE TABLE oauth_clients (
            client_id TEXT NOT NULL PRIMARY KEY,
            organization_id TEXT NOT NULL,
            environment TEXT NOT NULL CHECK (environment IN ('production', 'sandbox')),
            name TEXT NOT NULL,
            impersonated_user_id TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (organization_id, client_id)
        );
        CREATE INDEX ix_oauth_clients_organization ON oauth_clients (organization_id, created_at);

        -- The composite key ties each secret to its client's organization; deleting a client deletes its secrets.
        CREATE TABLE client_secrets (
            secret_id TEXT NOT NULL PRIMARY KEY,
            organization_id TEXT NOT NULL,
            client_id TEXT NOT NULL,
            environment TEXT NOT NULL,
            name TEXT NOT NULL,
            hint TEXT NOT NULL,
            hash TEXT NOT NULL,
            hash_algorithm TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NULL,
            last_used_at TEXT NULL,
            revoked_at TEXT NULL,
            FOREIGN KEY (organization_id, client_id) REFERENCES oauth_clients (organization_id, client_id) ON DELETE CASCADE
        );
        CREATE INDEX ix_client_secrets_client ON client_secrets (organization_id, client_id, created_at);

        CREATE TABLE signing_keys (
            key_id TEXT NOT NULL PRIMARY KEY,
            algorithm TEXT NOT NULL,
            private_key_pem TEXT NOT NULL,
            created_at TEXT NOT NULL,
            retired_at TEXT NULL
        );

        -- sequence orders events written in the same instant (newest first must be stable across pages).
        CREATE TABLE provisioning_events (
            sequence INTEGER PRIMARY KEY,
            event_id TEXT NOT NULL UNIQUE,
            organization_id TEXT NOT NULL,
            environment TEXT NULL,
            time TEXT NOT NULL,
            client_id TEXT NULL,
            impersonated_user_id TEXT NULL,
            operation TEXT NOT NULL,
            resource_type TEXT NULL,
            resource_id TEXT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('Success', 'Failure')),
            status INTEGER NOT NULL,
            error_detail TEXT NULL
        );
        CREATE INDEX ix_provisioning_events_time ON provisioning_events (organization_id, time, sequence);
        CREATE INDEX ix_provisioning_events_client ON provisioning_events (organization_id, client_id, time, sequence);
        """;

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
