using System.Text.Json;
using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using Microsoft.Data.Sqlite;

namespace AutoRfpHex.Adapters.Sqlite.Scim.Memberships;

/// <summary>
/// Membership edits, run inside the group's write transaction. Ids travel as one JSON array parameter (json_each), so a
/// batch of 1,000 members is one statement, and editing one member touches one row whatever the group's size.
/// </summary>
internal static class MembershipWrites
{
    /// <summary>The ids (distinct, in the order given) that name no user or group of the tenant.</summary>
    public static async Task<IReadOnlyList<string>> FindUnknownAsync(SqliteConnection connection, Tenant tenant, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var unknown = await connection.ListAsync(
            """
            SELECT j.value FROM json_each($ids) AS j
            WHERE NOT EXISTS (SELECT 1 FROM scim_resources AS r WHERE r.organization_id = $org AND r.environment = $env AND r.id = j.value)
            ORDER BY j.key;
            """,
            row => row.GetString(0), cancellationToken, [.. TenantColumns.Scope(tenant), ("$ids", Json(ids))]);
        return unknown.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Applies <paramref name="change"/>; its added ids must already be known (<see cref="FindUnknownAsync"/>).</summary>
    /// <returns>How many memberships were added or removed (0 when every added id was a member and no removed one was).</returns>
    public static async Task<int> ApplyAsync(SqliteConnection connection, Tenant tenant, string groupId, MembershipChange change, CancellationToken cancellationToken)
    {
        (string, object?)[] scope = [.. TenantColumns.Scope(tenant), ("$group", groupId)];
        var changed = 0;
        if (change.ReplaceAll)
        {
            changed += await connection.ExecuteAsync(
                """
                DELETE FROM scim_memberships
                WHERE organization_id = $org AND environment = $env AND group_id = $group AND member_id NOT IN (SELECT value FROM json_each($ids));
                """,
                cancellationToken, [.. scope, ("$ids", Json(change.Add))]);
        }
        else if (change.Remove.Count > 0)
        {
            changed += await connection.ExecuteAsync(
                """
                DELETE FROM scim_memberships
                WHERE organization_id = $org AND environment = $env AND group_id = $group AND member_id IN (SELECT value FROM json_each($ids));
                """,
                cancellationToken, [.. scope, ("$ids", Json(change.Remove))]);
        }

        if (change.Add.Count > 0)
        {
            // OR IGNORE: adding an existing member is a no-op, not an error.
            changed += await connection.ExecuteAsync(
                """
                INSERT OR IGNORE INTO scim_memberships (organization_id, environment, group_id, member_id, member_type)
                SELECT $org, $env, $group, r.id, r.resource_type FROM json_each($ids) AS j
                JOIN scim_resources AS r ON r.organization_id = $org AND r.environment = $env AND r.id = j.value;
                """,
                cancellationToken, [.. scope, ("$ids", Json(change.Add))]);
        }

        return changed;
    }

    private static string Json(IReadOnlyCollection<string> ids) => JsonSerializer.Serialize(ids);
}
