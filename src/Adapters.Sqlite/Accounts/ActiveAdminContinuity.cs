using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Core.Tenancy;
using Microsoft.Data.Sqlite;

namespace AutoRfpHex.Adapters.Sqlite.Accounts;

/// <summary>
/// "An organization keeps an active Admin", checked inside the write transaction (BEGIN IMMEDIATE holds the write
/// lock), so two identity-provider requests removing the last two Admins at once cannot both pass, as they could
/// with a check made before the transaction. Which writes take an Admin away is Core's rule
/// (<see cref="Core.Accounts.ActiveAdmins.RemovedBy"/>).
/// </summary>
internal static class ActiveAdminContinuity
{
    public static async Task<bool> OtherActiveAdminExistsAsync(SqliteConnection connection, Tenant tenant, string userId, CancellationToken cancellationToken) =>
        await connection.ScalarAsync<long>(
            """
            SELECT EXISTS (SELECT 1 FROM scim_resources
                WHERE organization_id = $org AND environment = $env AND resource_type = 'User' AND role = 'Admin' AND id <> $id
                  AND json_extract(attributes, '$.active') IS NOT 0);
            """,
            cancellationToken, [.. TenantColumns.Scope(tenant), ("$id", userId)]) == 1;
}
