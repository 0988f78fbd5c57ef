using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using Microsoft.Data.Sqlite;

namespace AutoRfpHex.Adapters.Sqlite.Scim;

/// <summary>
/// Server-unique attributes, checked inside the write transaction (BEGIN IMMEDIATE makes the check and the write one
/// step); the unique expression indexes are the backstop. Both use the Core fold, scim_fold.
/// </summary>
internal static class ScimUniqueness
{
    public static string UniqueAttribute(ScimResourceType type) => type == ScimResourceType.User ? "userName" : "displayName";

    /// <returns>The clashing attribute's name, or null when the resource's unique value is free in its tenant.</returns>
    /// <param name="isNew">True on create: the id itself must then be free too (ids are unique across types, as member ids).</param>
    public static async Task<string?> FindConflictAsync(SqliteConnection connection, Tenant tenant, ScimResourceRecord resource, bool isNew, CancellationToken cancellationToken)
    {
        if (isNew && await connection.ScalarAsync<long>(
                "SELECT count(*) FROM scim_resources AS r WHERE r.organization_id = $org AND r.environment = $env AND r.id = $id;",
                cancellationToken, [.. TenantColumns.Scope(tenant), ("$id", resource.Id)]) > 0)
        {
            return "id";
        }

        var attribute = UniqueAttribute(resource.Type);
        var path = "$." + attribute;
        var clash = await connection.ScalarAsync<long>(
            $"""
            SELECT count(*) FROM scim_resources AS r
            WHERE r.organization_id = $org AND r.environment = $env AND r.resource_type = {TenantColumns.TypeLiteral(resource.Type)}
              AND scim_fold(json_extract(r.attributes, '{path}')) = scim_fold(json_extract($document, '{path}')) AND r.id <> $id;
            """,
            cancellationToken, [.. TenantColumns.Scope(tenant), ("$id", resource.Id), ("$document", resource.Attributes.ToJsonString())]);
        return clash > 0 ? attribute : null;
    }

    /// <summary>Maps a unique-index violation that slipped past the check (another process) to the attribute it guards.</summary>
    public static string? ConflictOf(SqliteException exception) =>
        exception.SqliteExtendedErrorCode is 2067 or 1555 // SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY
            ? exception.Message.Contains("scim_resources.id", StringComparison.Ordinal) ? "id"
            : exception.Message.Contains("index 'ux_scim_users_user_name'", StringComparison.Ordinal) ? "userName"
            : exception.Message.Contains("index 'ux_scim_groups_display_name'", StringComparison.Ordinal) ? "displayName"
            : null
            : null;
}
