using System.Data.Common;
using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Core.Credentials;

namespace AutoRfpHex.Adapters.Sqlite.Credentials;

internal sealed class SqliteClientSecretStore(SqliteDatabase database) : IClientSecretStore
{
    private const string Columns =
        "secret_id, client_id, organization_id, name, hint, hash, hash_algorithm, created_at, expires_at, last_used_at, revoked_at";

    public async Task CreateAsync(ClientSecret secret, DateTimeOffset previousSecretsExpireAt, CancellationToken cancellationToken)
    {
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var environment = await scope.Connection.ScalarAsync<string>(
            "SELECT environment FROM oauth_clients WHERE organization_id = $org AND client_id = $client;", cancellationToken,
            ("$org", secret.OrganizationId), ("$client", secret.ClientId))
            ?? throw new InvalidOperationException($"Organization '{secret.OrganizationId}' has no OAuth client '{secret.ClientId}'.");

        // Supersede in the same transaction: only still-usable secrets, and never extend an earlier expiry.
        var expireAt = SqliteTime.ToText(previousSecretsExpireAt);
        await scope.Connection.ExecuteAsync(
            """
            UPDATE client_secrets SET expires_at = $expire
            WHERE organization_id = $org AND client_id = $client AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $expire);
            """,
            cancellationToken, ("$org", secret.OrganizationId), ("$client", secret.ClientId), ("$expire", expireAt));
        await scope.Connection.ExecuteAsync(
            $"""
            INSERT INTO client_secrets ({Columns}, environment)
            VALUES ($id, $client, $org, $name, $hint, $hash, $algorithm, $created, $expires, $used, $revoked, $env);
            """,
            cancellationToken,
            ("$id", secret.SecretId), ("$client", secret.ClientId), ("$org", secret.OrganizationId), ("$name", secret.Name),
            ("$hint", secret.Hint), ("$hash", secret.Hash), ("$algorithm", secret.HashAlgorithm),
            ("$created", SqliteTime.ToText(secret.CreatedAt)), ("$expires", SqliteTime.ToText(secret.ExpiresAt)),
            ("$used", SqliteTime.ToText(secret.LastUsedAt)), ("$revoked", SqliteTime.ToText(secret.RevokedAt)), ("$env", environment));
        await scope.CommitAsync(cancellationToken);
    }

    /// <summary>Global by design: a bare secret key names only its secret id, which is globally unique.</summary>
    public async Task<ClientSecret?> FindAsync(string secretId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.ListAsync($"SELECT {Columns} FROM client_secrets WHERE secret_id = $id;", Read, cancellationToken, ("$id", secretId));
        return rows.SingleOrDefault();
    }

    public async Task<IReadOnlyList<ClientSecret>> ListAsync(string organizationId, string clientId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ListAsync(
            $"SELECT {Columns} FROM client_secrets WHERE organization_id = $org AND client_id = $client ORDER BY created_at DESC, secret_id;",
            Read, cancellationToken, ("$org", organizationId), ("$client", clientId));
    }

    public async Task<ClientSecret?> RevokeAsync(string organizationId, string clientId, string secretId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Revoking twice keeps the first revocation time.
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var rows = await scope.Connection.ListAsync(
            $"""
            UPDATE client_secrets SET revoked_at = coalesce(revoked_at, $at)
            WHERE organization_id = $org AND client_id = $client AND secret_id = $id RETURNING {Columns};
            """,
            Read, cancellationToken, ("$org", organizationId), ("$client", clientId), ("$id", secretId), ("$at", SqliteTime.ToText(at)));
        await scope.CommitAsync(cancellationToken);
        return rows.SingleOrDefault();
    }

    /// <summary>One statement by primary key, and no write at all when a later use is already recorded.</summary>
    public async Task RecordUseAsync(string secretId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE client_secrets SET last_used_at = $at WHERE secret_id = $id AND (last_used_at IS NULL OR last_used_at < $at);",
            cancellationToken, ("$id", secretId), ("$at", SqliteTime.ToText(at)));
    }

    private static ClientSecret Read(DbDataReader row) => new(
        row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetString(4), row.GetString(5), row.GetString(6),
        SqliteTime.FromText(row.GetString(7)), Time(row, 8), Time(row, 9), Time(row, 10));

    private static DateTimeOffset? Time(DbDataReader row, int ordinal) =>
        row.NullableString(ordinal) is { } text ? SqliteTime.FromText(text) : null;
}
