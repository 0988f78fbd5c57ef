using System.Data.Common;
using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Core.Organizations;

namespace AutoRfpHex.Adapters.Sqlite.Organizations;

internal sealed class SqliteOrganizationStore(SqliteDatabase database) : IOrganizationStore
{
    private const string Columns = "organization_id, name, scim_enabled, created_at";

    public async Task<Organization?> GetAsync(string organizationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.ListAsync(
            $"SELECT {Columns} FROM organizations WHERE organization_id = $org;", Read, cancellationToken, ("$org", organizationId));
        return rows.SingleOrDefault();
    }

    public async Task CreateAsync(Organization organization, CancellationToken cancellationToken)
    {
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var exists = await scope.Connection.ScalarAsync<long>(
            "SELECT count(*) FROM organizations WHERE organization_id = $org;", cancellationToken, ("$org", organization.Id));
        if (exists > 0)
        {
            throw new OrganizationAlreadyExistsException(organization.Id);
        }

        await scope.Connection.ExecuteAsync(
            $"INSERT INTO organizations ({Columns}) VALUES ($org, $name, $enabled, $created);", cancellationToken,
            ("$org", organization.Id), ("$name", organization.Name), ("$enabled", organization.ScimEnabled),
            ("$created", SqliteTime.ToText(organization.CreatedAt)));
        await scope.CommitAsync(cancellationToken);
    }

    public async Task<Organization?> SetScimEnabledAsync(string organizationId, bool enabled, CancellationToken cancellationToken)
    {
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var rows = await scope.Connection.ListAsync(
            $"UPDATE organizations SET scim_enabled = $enabled WHERE organization_id = $org RETURNING {Columns};", Read, cancellationToken,
            ("$org", organizationId), ("$enabled", enabled));
        await scope.CommitAsync(cancellationToken);
        return rows.SingleOrDefault();
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ScalarAsync<long>("SELECT EXISTS (SELECT 1 FROM organizations);", cancellationToken) == 1;
    }

    private static Organization Read(DbDataReader row) =>
        new(row.GetString(0), row.GetString(1), row.GetBoolean(2), SqliteTime.FromText(row.GetString(3)));
}
