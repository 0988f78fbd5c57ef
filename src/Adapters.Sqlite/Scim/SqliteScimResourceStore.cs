using AutoRfpHex.Adapters.Sqlite.Accounts;
using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Adapters.Sqlite.Scim.Memberships;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using Microsoft.Data.Sqlite;

namespace AutoRfpHex.Adapters.Sqlite.Scim;

/// <summary>
/// SCIM Users and Groups. Every write is one BEGIN IMMEDIATE transaction that checks (version, uniqueness, member ids)
/// and writes, so checks cannot go stale before the write; any refusal rolls back and leaves nothing written.
/// The record a write returns is read back from the database, without membership edges (ask GetAsync for those).
/// </summary>
internal sealed class SqliteScimResourceStore(SqliteDatabase database) : IScimResourceStore
{
    public async Task<ScimResourceRecord?> GetAsync(Tenant tenant, ScimResourceType type, string id, ResourceLoadOptions load, CancellationToken cancellationToken)
    {
        await using var scope = await database.BeginReadAsync(cancellationToken);
        var record = await ScimResourceRows.FindAsync(scope.Connection, tenant, type, id, cancellationToken);
        return record is null ? null : (await MembershipReads.LoadAsync(scope.Connection, tenant, [record], load, cancellationToken))[0];
    }

    public async Task<StoreWriteResult> CreateAsync(Tenant tenant, ScimResourceRecord resource, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken)
    {
        RequireGroupForMembers(resource.Type, memberIds.Count > 0);
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        if (await ScimUniqueness.FindConflictAsync(scope.Connection, tenant, resource, isNew: true, cancellationToken) is { } conflict)
        {
            return Conflict(conflict);
        }

        var unknown = await MembershipWrites.FindUnknownAsync(scope.Connection, tenant, memberIds, cancellationToken);
        if (unknown.Count > 0)
        {
            return new StoreWriteResult(StoreWriteOutcome.UnknownMembers, UnknownMemberIds: unknown);
        }

        return await WriteAsync(scope, tenant, resource, cancellationToken, async connection =>
        {
            await ScimResourceRows.InsertAsync(connection, tenant, resource, cancellationToken);
            if (memberIds.Count > 0)
            {
                await MembershipWrites.ApplyAsync(connection, tenant, resource.Id, new MembershipChange(memberIds, [], false), cancellationToken);
            }
        });
    }

    public async Task<StoreWriteResult> UpdateAsync(Tenant tenant, ScimResourceRecord resource, long expectedVersion, MembershipChange? membershipChange, CancellationToken cancellationToken)
    {
        var change = membershipChange is { IsEmpty: false } ? membershipChange : null;
        RequireGroupForMembers(resource.Type, change is not null);
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var stored = await ScimResourceRows.FindAsync(scope.Connection, tenant, resource.Type, resource.Id, cancellationToken);
        if (stored is null)
        {
            return new StoreWriteResult(StoreWriteOutcome.NotFound);
        }

        if (stored.Version != expectedVersion)
        {
            return new StoreWriteResult(StoreWriteOutcome.VersionMismatch);
        }

        if (ActiveAdmins.RemovedBy(tenant, stored, resource)
            && !await ActiveAdminContinuity.OtherActiveAdminExistsAsync(scope.Connection, tenant, resource.Id, cancellationToken))
        {
            return new StoreWriteResult(StoreWriteOutcome.LastActiveAdmin);
        }

        if (await ScimUniqueness.FindConflictAsync(scope.Connection, tenant, resource, isNew: false, cancellationToken) is { } conflict)
        {
            return Conflict(conflict);
        }

        var unknown = change is null ? [] : await MembershipWrites.FindUnknownAsync(scope.Connection, tenant, change.Add, cancellationToken);
        if (unknown.Count > 0)
        {
            return new StoreWriteResult(StoreWriteOutcome.UnknownMembers, UnknownMemberIds: unknown);
        }

        var membershipsChanged = change is null ? 0 : await MembershipWrites.ApplyAsync(scope.Connection, tenant, resource.Id, change, cancellationToken);
        if (membershipsChanged == 0 && ScimResourceRows.SameDocument(stored, resource))
        {
            // A re-sent request: nothing changed, so the version and lastModified stay (nothing to commit).
            return StoreWriteResult.Written(stored);
        }

        return await WriteAsync(scope, tenant, resource, cancellationToken, connection => ScimResourceRows.ReplaceAsync(connection, tenant, resource, cancellationToken));
    }

    public async Task<StoreWriteResult> UpdateMembersAsync(Tenant tenant, string groupId, MembershipChange change, DateTimeOffset lastModified, CancellationToken cancellationToken)
    {
        // No read-modify-write: the version is raised in place, so concurrent member edits serialize on the write lock
        // instead of failing each other's version checks. Checks and writes are one transaction, as for UpdateAsync.
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        if (await ScimResourceRows.FindAsync(scope.Connection, tenant, ScimResourceType.Group, groupId, cancellationToken) is null)
        {
            return new StoreWriteResult(StoreWriteOutcome.NotFound);
        }

        var unknown = await MembershipWrites.FindUnknownAsync(scope.Connection, tenant, change.Add, cancellationToken);
        if (unknown.Count > 0)
        {
            return new StoreWriteResult(StoreWriteOutcome.UnknownMembers, UnknownMemberIds: unknown); // disposing the scope rolls back
        }

        // Re-adding members or removing non-members (identity providers retry) leaves the group, and so its version, as it was.
        if (await MembershipWrites.ApplyAsync(scope.Connection, tenant, groupId, change, cancellationToken) > 0)
        {
            await scope.Connection.ExecuteAsync(
                """
                UPDATE scim_resources SET version = version + 1, last_modified = $modified
                WHERE organization_id = $org AND environment = $env AND resource_type = 'Group' AND id = $id;
                """,
                cancellationToken, [.. TenantColumns.Scope(tenant), ("$id", groupId), ("$modified", SqliteTime.ToText(lastModified))]);
        }

        var written = await ScimResourceRows.FindAsync(scope.Connection, tenant, ScimResourceType.Group, groupId, cancellationToken);
        await scope.CommitAsync(cancellationToken);
        return StoreWriteResult.Written(written!);
    }

    public async Task<bool> DeleteAsync(Tenant tenant, ScimResourceType type, string id, long? expectedVersion, CancellationToken cancellationToken)
    {
        // Memberships in both directions and the e-mail index rows go with it (ON DELETE CASCADE), in this transaction.
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        if (await ScimResourceRows.FindAsync(scope.Connection, tenant, type, id, cancellationToken) is { } stored
            && ActiveAdmins.RemovedBy(tenant, stored, written: null)
            && !await ActiveAdminContinuity.OtherActiveAdminExistsAsync(scope.Connection, tenant, id, cancellationToken))
        {
            return false;
        }
        var deleted = await scope.Connection.ExecuteAsync(
            $"DELETE FROM scim_resources WHERE organization_id = $org AND environment = $env AND resource_type = {TenantColumns.TypeLiteral(type)} AND id = $id"
            + " AND ($version IS NULL OR version = $version);",
            cancellationToken, [.. TenantColumns.Scope(tenant), ("$id", id), ("$version", expectedVersion)]);
        await scope.CommitAsync(cancellationToken);
        return deleted > 0;
    }

    public Task<ScimQueryPage> QueryAsync(Tenant tenant, ScimResourceType type, ScimQuery query, CancellationToken cancellationToken) =>
        ScimQueryExecution.RunAsync(database, tenant, type, query, cancellationToken);

    private static async Task<StoreWriteResult> WriteAsync(
        SqliteScope scope, Tenant tenant, ScimResourceRecord resource, CancellationToken cancellationToken, Func<SqliteConnection, Task> write)
    {
        try
        {
            await write(scope.Connection);
        }
        catch (SqliteException exception) when (ScimUniqueness.ConflictOf(exception) is { } conflict)
        {
            return Conflict(conflict);
        }

        var written = await ScimResourceRows.FindAsync(scope.Connection, tenant, resource.Type, resource.Id, cancellationToken);
        await scope.CommitAsync(cancellationToken);
        return StoreWriteResult.Written(written!);
    }

    private static StoreWriteResult Conflict(string attribute) => new(StoreWriteOutcome.UniquenessViolation, ConflictingAttribute: attribute);

    private static void RequireGroupForMembers(ScimResourceType type, bool hasMembershipChange)
    {
        if (hasMembershipChange && type != ScimResourceType.Group)
        {
            throw new ArgumentException($"Only groups have members; a {type} cannot take a membership change.");
        }
    }
}
