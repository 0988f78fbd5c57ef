using System.Text.Json;
using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using Microsoft.Data.Sqlite;

namespace AutoRfpHex.Adapters.Sqlite.Scim.Memberships;

/// <summary>
/// Fills <see cref="ScimResourceRecord.Members"/> (groups) and <see cref="ScimResourceRecord.Groups"/> (users) for a batch
/// of records in one query each. Members are ordered by member id and groups by group id: the order the filter and sort
/// translation assume for "the first element", and the order of member pages (the primary key's, so a page is a range).
/// A member limit (for the whole read) is checked first, reading at most limit + 1 index entries in all; a member window
/// reads only its page.
/// </summary>
internal static class MembershipReads
{
    public static async Task<IReadOnlyList<ScimResourceRecord>> LoadAsync(
        SqliteConnection connection, Tenant tenant, IReadOnlyList<ScimResourceRecord> records, ResourceLoadOptions load, CancellationToken cancellationToken)
    {
        if (load.IncludeMembers && load.MemberWindow is { } window)
        {
            records = await LoadWindowAsync(connection, tenant, records, window, cancellationToken);
            load = load with { IncludeMembers = false, MemberWindow = null };
        }

        var groupIds = load.IncludeMembers ? IdsOf(records, ScimResourceType.Group) : [];
        var userIds = load.IncludeGroups ? IdsOf(records, ScimResourceType.User) : [];
        if (groupIds.Count == 0 && userIds.Count == 0)
        {
            return records;
        }

        var overLimit = load.MemberLimit is { } limit && groupIds.Count > 0
            ? await FindOverLimitAsync(connection, tenant, groupIds, limit, cancellationToken)
            : null;
        if (overLimit is not null || load.OnlyCheckMemberLimit)
        {
            groupIds.Clear(); // over the limit the read is refused whole; a mere check reads no members at all
        }

        var members = groupIds.Count == 0 ? [] : await connection.ListAsync(
            $"""
            SELECT m.group_id, m.member_id, m.member_type, {MembershipSql.Display("x")}
            FROM scim_memberships AS m
            JOIN scim_resources AS x ON x.organization_id = m.organization_id AND x.environment = m.environment AND x.id = m.member_id
            WHERE m.organization_id = $org AND m.environment = $env AND m.group_id IN (SELECT value FROM json_each($ids))
            ORDER BY m.group_id, m.member_id;
            """,
            row => (Owner: row.GetString(0), Edge: Member(row, 1)),
            cancellationToken, [.. TenantColumns.Scope(tenant), ("$ids", JsonSerializer.Serialize(groupIds))]);

        var groups = userIds.Count == 0 ? [] : await connection.ListAsync(
            $"""
            SELECT m.member_id, m.group_id, {MembershipSql.Display("x")}
            FROM scim_memberships AS m
            JOIN scim_resources AS x ON x.organization_id = m.organization_id AND x.environment = m.environment AND x.id = m.group_id
            WHERE m.organization_id = $org AND m.environment = $env AND m.member_id IN (SELECT value FROM json_each($ids))
            ORDER BY m.member_id, m.group_id;
            """,
            row => (Owner: row.GetString(0), Edge: new MemberReference(row.GetString(1), ScimResourceType.Group, row.NullableString(2))),
            cancellationToken, [.. TenantColumns.Scope(tenant), ("$ids", JsonSerializer.Serialize(userIds))]);

        var membersByGroup = members.ToLookup(m => m.Owner, m => m.Edge);
        var groupsByUser = groups.ToLookup(g => g.Owner, g => g.Edge);
        return records.Select(r => r.Type == ScimResourceType.Group
                ? r with { Members = load.IncludeMembers ? [.. membersByGroup[r.Id]] : r.Members, MembersOverLimit = r.Id == overLimit }
                : r with { Groups = load.IncludeGroups ? [.. groupsByUser[r.Id]] : r.Groups })
            .ToList();
    }

    /// <summary>
    /// The group whose members take the running sum past <paramref name="limit"/> (null when all fit). Each group is counted
    /// only up to what is left of the limit plus one entry of the primary key, so the check reads at most limit + 1 entries.
    /// </summary>
    private static async Task<string?> FindOverLimitAsync(SqliteConnection connection, Tenant tenant, List<string> groupIds, int limit, CancellationToken cancellationToken)
    {
        var left = (long)limit;
        foreach (var groupId in groupIds)
        {
            var counted = await connection.ScalarAsync<long>(
                """
                SELECT count(*) FROM (
                    SELECT 1 FROM scim_memberships
                    WHERE organization_id = $org AND environment = $env AND group_id = $group
                    LIMIT $cap);
                """,
                cancellationToken, [.. TenantColumns.Scope(tenant), ("$group", groupId), ("$cap", left + 1)]);
            left -= counted;
            if (left < 0)
            {
                return groupId;
            }
        }

        return null;
    }

    /// <summary>One page of each group's members (a range of the primary key) and its member count; users are left as they are.</summary>
    private static async Task<IReadOnlyList<ScimResourceRecord>> LoadWindowAsync(
        SqliteConnection connection, Tenant tenant, IReadOnlyList<ScimResourceRecord> records, MemberWindow window, CancellationToken cancellationToken)
    {
        var loaded = new List<ScimResourceRecord>(records.Count);
        foreach (var record in records)
        {
            if (record.Type != ScimResourceType.Group)
            {
                loaded.Add(record);
                continue;
            }

            (string, object?)[] scope = [.. TenantColumns.Scope(tenant), ("$group", record.Id)];
            var total = await connection.ScalarAsync<long>(
                "SELECT count(*) FROM scim_memberships WHERE organization_id = $org AND environment = $env AND group_id = $group;",
                cancellationToken, scope);
            var page = window.Count == 0 ? [] : await connection.ListAsync(
                $"""
                SELECT NULL, m.member_id, m.member_type, {MembershipSql.Display("x")}
                FROM scim_memberships AS m
                JOIN scim_resources AS x ON x.organization_id = m.organization_id AND x.environment = m.environment AND x.id = m.member_id
                WHERE m.organization_id = $org AND m.environment = $env AND m.group_id = $group
                ORDER BY m.member_id
                LIMIT $count OFFSET $offset;
                """,
                row => Member(row, 1), cancellationToken, [.. scope, ("$count", window.Count), ("$offset", window.Offset)]);
            loaded.Add(record with { Members = page, MemberTotal = (int)total });
        }

        return loaded;
    }

    /// <summary>A member edge from the columns member_id, member_type, display starting at <paramref name="first"/>.</summary>
    private static MemberReference Member(System.Data.Common.DbDataReader row, int first) =>
        new(row.GetString(first), TenantColumns.ParseType(row.GetString(first + 1)), row.NullableString(first + 2));

    private static List<string> IdsOf(IReadOnlyList<ScimResourceRecord> records, ScimResourceType type) =>
        records.Where(r => r.Type == type).Select(r => r.Id).ToList();
}
