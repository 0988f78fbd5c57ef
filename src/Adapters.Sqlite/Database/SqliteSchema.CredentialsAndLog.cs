namespace AutoRfpHex.Adapters.Sqlite.Database;

internal static partial class SqliteSchema
{
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
}
