using System.Text.Json;
using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using Microsoft.Data.Sqlite;

namespace AutoRfpHex.Adapters.Sqlite.Scim.Memberships;

/// <summary>
/// Fills <see cref="ScimResourceRecord.Members"/> (groups) and <see cref="ScimResourceRecord.Groups"/> (users) for a batch
/// of records in one query each. Members are ordered by member id and groups by group id: the order the filter and sort
/// translation assume for "the first element".
/// </summary>
internal static class MembershipReads
{
    public static async Task<IReadOnlyList<ScimResourceRecord>> LoadAsync(
        SqliteConnection connection, Tenant tenant, IReadOnlyList<ScimResourceRecord> records, ResourceLoadOptions load, CancellationToken cancellationToken)
    {
        var groupIds = load.IncludeMembers ? IdsOf(records, ScimResourceType.Group) : [];
        var userIds = load.IncludeGroups ? IdsOf(records, ScimResourceType.User) : [];
        if (groupIds.Count == 0 && userIds.Count == 0)
        {
            return records;
        }

        var members = groupIds.Count == 0 ? [] : await connection.ListAsync(
            $"""
            SELECT m.group_id, m.member_id, m.member_type, {MembershipSql.Display("x")}
            FROM scim_memberships AS m
            JOIN scim_resources AS x ON x.organization_id = m.organization_id AND x.environment = m.environment AND x.id = m.member_id
            WHERE m.organization_id = $org AND m.environment = $env AND m.group_id IN (SELECT value FROM json_each($ids))
            ORDER BY m.group_id, m.member_id;
            """,
            row => (Owner: row.GetString(0), Edge: new MemberReference(row.GetString(1), TenantColumns.ParseType(row.GetString(2)), row.NullableString(3))),
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
                ? r with { Members = load.IncludeMembers ? [.. membersByGroup[r.Id]] : [] }
                : r with { Groups = load.IncludeGroups ? [.. groupsByUser[r.Id]] : [] })
            .ToList();
    }

    private static List<string> IdsOf(IReadOnlyList<ScimResourceRecord> records, ScimResourceType type) =>
        records.Where(r => r.Type == type).Select(r => r.Id).ToList();
}
