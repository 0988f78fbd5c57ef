using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Adapters.Sqlite.Scim;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Adapters.Sqlite.Accounts;

/// <summary>The AutoRFP side of the tenant's SCIM users: their role column.</summary>
internal sealed class SqliteUserAccountStore(SqliteDatabase database, TimeProvider time) : IUserAccountStore
{
    public async Task<IReadOnlyList<ScimResourceRecord>> ListAsync(Tenant tenant, AccountRole? role, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ListAsync(
            $"""
            SELECT {ScimResourceRows.Columns} FROM scim_resources AS r
            WHERE {ScimResourceRows.TenantScope} AND r.resource_type = 'User' AND ($role IS NULL OR r.role = $role)
            ORDER BY scim_fold(json_extract(r.attributes, '$.userName')), r.id;
            """,
            ScimResourceRows.Read, cancellationToken, [.. TenantColumns.Scope(tenant), ("$role", role?.ToString())]);
    }

    /// <summary>
    /// A role change is a change of the user: the version is bumped and lastModified set, so ETags move. Demoting the
    /// last active Admin is refused inside the transaction, so it cannot race a SCIM deactivation of the other Admin.
    /// </summary>
    public async Task<StoreWriteResult> SetRoleAsync(Tenant tenant, string userId, AccountRole role, CancellationToken cancellationToken)
    {
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        if (await ScimResourceRows.FindAsync(scope.Connection, tenant, ScimResourceType.User, userId, cancellationToken) is not { } stored)
        {
            return new StoreWriteResult(StoreWriteOutcome.NotFound);
        }

        if (ActiveAdmins.RemovedBy(tenant, stored, stored with { Role = role })
            && !await ActiveAdminContinuity.OtherActiveAdminExistsAsync(scope.Connection, tenant, userId, cancellationToken))
        {
            return new StoreWriteResult(StoreWriteOutcome.LastActiveAdmin);
        }

        await scope.Connection.ExecuteAsync(
            """
            UPDATE scim_resources SET role = $role, version = version + 1, last_modified = $now
            WHERE organization_id = $org AND environment = $env AND resource_type = 'User' AND id = $id;
            """,
            cancellationToken,
            [.. TenantColumns.Scope(tenant), ("$id", userId), ("$role", role.ToString()), ("$now", SqliteTime.ToText(time.GetUtcNow()))]);
        var user = await ScimResourceRows.FindAsync(scope.Connection, tenant, ScimResourceType.User, userId, cancellationToken);
        await scope.CommitAsync(cancellationToken);
        return StoreWriteResult.Written(user!);
    }
}
