using System.Data.Common;
using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Core.Credentials;

namespace AutoRfpHex.Adapters.Sqlite.Credentials;

internal sealed class SqliteOAuthClientStore(SqliteDatabase database) : IOAuthClientStore
{
    private const string Columns = "client_id, organization_id, name, environment, impersonated_user_id, created_at";

    public async Task CreateAsync(OAuthClient client, CancellationToken cancellationToken)
    {
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var exists = await scope.Connection.ScalarAsync<long>(
            "SELECT count(*) FROM oauth_clients WHERE client_id = $id;", cancellationToken, ("$id", client.ClientId));
        if (exists > 0)
        {
            throw new InvalidOperationException($"An OAuth client with id '{client.ClientId}' already exists.");
        }

        await scope.Connection.ExecuteAsync(
            $"INSERT INTO oauth_clients ({Columns}) VALUES ($id, $org, $name, $env, $user, $created);", cancellationToken,
            ("$id", client.ClientId), ("$org", client.OrganizationId), ("$name", client.Name),
            ("$env", TenantColumns.Environment(client.Environment)), ("$user", client.ImpersonatedUserId),
            ("$created", SqliteTime.ToText(client.CreatedAt)));
        await scope.CommitAsync(cancellationToken);
    }

    /// <summary>Global by design: client ids are globally unique and the caller knows no organization yet.</summary>
    public async Task<OAuthClient?> FindAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.ListAsync(
            $"SELECT {Columns} FROM oauth_clients WHERE client_id = $id;", Read, cancellationToken, ("$id", clientId));
        return rows.SingleOrDefault();
    }

    public async Task<IReadOnlyList<OAuthClient>> ListAsync(string organizationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ListAsync(
            $"SELECT {Columns} FROM oauth_clients WHERE organization_id = $org ORDER BY created_at, client_id;", Read, cancellationToken,
            ("$org", organizationId));
    }

    public async Task<bool> DeleteAsync(string organizationId, string clientId, CancellationToken cancellationToken)
    {
        // The secrets go with it (ON DELETE CASCADE), in the same transaction.
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var deleted = await scope.Connection.ExecuteAsync(
            "DELETE FROM oauth_clients WHERE organization_id = $org AND client_id = $id;", cancellationToken,
            ("$org", organizationId), ("$id", clientId));
        await scope.CommitAsync(cancellationToken);
        return deleted > 0;
    }

    private static OAuthClient Read(DbDataReader row) => new(
        row.GetString(0), row.GetString(1), row.GetString(2), TenantColumns.ParseEnvironment(row.GetString(3)),
        row.GetString(4), SqliteTime.FromText(row.GetString(5)));
}
