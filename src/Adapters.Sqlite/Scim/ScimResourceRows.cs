using System.Data.Common;
using System.Text.Json.Nodes;
using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using Microsoft.Data.Sqlite;

namespace AutoRfpHex.Adapters.Sqlite.Scim;

/// <summary>The scim_resources row of a record: reading, inserting, replacing. The document is stored as written.</summary>
internal static class ScimResourceRows
{
    /// <summary>Selected as <c>r.</c>-qualified columns, in the order <see cref="Read"/> expects.</summary>
    public const string Columns = "r.id, r.resource_type, r.version, r.created, r.last_modified, r.role, r.is_integration_user, r.attributes";

    public const string TenantScope = "r.organization_id = $org AND r.environment = $env";

    public static ScimResourceRecord Read(DbDataReader row) =>
        new(
            row.GetString(0),
            TenantColumns.ParseType(row.GetString(1)),
            row.GetInt64(2),
            SqliteTime.FromText(row.GetString(3)),
            SqliteTime.FromText(row.GetString(4)),
            JsonNode.Parse(row.GetString(7))!.AsObject())
        {
            Role = Enum.Parse<AccountRole>(row.GetString(5)),
            IsIntegrationUser = row.GetBoolean(6),
        };

    public static async Task<ScimResourceRecord?> FindAsync(SqliteConnection connection, Tenant tenant, ScimResourceType type, string id, CancellationToken cancellationToken)
    {
        var rows = await connection.ListAsync(
            $"SELECT {Columns} FROM scim_resources AS r WHERE {TenantScope} AND r.resource_type = {TenantColumns.TypeLiteral(type)} AND r.id = $id;",
            Read, cancellationToken, [.. TenantColumns.Scope(tenant), ("$id", id)]);
        return rows.SingleOrDefault();
    }

    public static Task InsertAsync(SqliteConnection connection, Tenant tenant, ScimResourceRecord resource, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(
            """
            INSERT INTO scim_resources (organization_id, environment, id, resource_type, version, created, last_modified, role, is_integration_user, attributes)
            VALUES ($org, $env, $id, $type, $version, $created, $modified, $role, $integration, $attributes);
            """,
            cancellationToken, [.. TenantColumns.Scope(tenant), .. Document(resource), ("$created", SqliteTime.ToText(resource.Created))]);

    /// <summary>Replaces everything but id, type and created.</summary>
    public static Task ReplaceAsync(SqliteConnection connection, Tenant tenant, ScimResourceRecord resource, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(
            """
            UPDATE scim_resources SET version = $version, last_modified = $modified, role = $role, is_integration_user = $integration, attributes = $attributes
            WHERE organization_id = $org AND environment = $env AND resource_type = $type AND id = $id;
            """,
            cancellationToken, [.. TenantColumns.Scope(tenant), .. Document(resource)]);

    /// <summary>Whether <paramref name="resource"/> would store what <paramref name="stored"/> holds (all but version and lastModified).</summary>
    public static bool SameDocument(ScimResourceRecord stored, ScimResourceRecord resource) =>
        stored.Role == resource.Role && stored.IsIntegrationUser == resource.IsIntegrationUser && JsonNode.DeepEquals(stored.Attributes, resource.Attributes);

    private static (string Name, object? Value)[] Document(ScimResourceRecord resource) =>
    [
        ("$id", resource.Id), ("$type", resource.Type.ToString()), ("$version", resource.Version),
        ("$modified", SqliteTime.ToText(resource.LastModified)), ("$role", resource.Role.ToString()),
        ("$integration", resource.IsIntegrationUser), ("$attributes", resource.Attributes.ToJsonString()),
    ];
}
