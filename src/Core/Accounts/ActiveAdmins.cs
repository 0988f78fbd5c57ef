using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Accounts;

/// <summary>
/// The one rule behind "an organization always keeps an active Admin": used by SCIM writes (deactivate, delete)
/// and by the admin API's role change alike.
/// </summary>
public static class ActiveAdmins
{
    /// <summary>
    /// Whether replacing <paramref name="stored"/> by <paramref name="written"/> (null: deleting it) takes an active
    /// Admin away: what a store must refuse, inside its write, when no other active Admin remains.
    /// </summary>
    public static bool RemovedBy(Tenant tenant, ScimResourceRecord stored, ScimResourceRecord? written)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return tenant.Environment == DeploymentEnvironment.Production
            && stored.Type == ScimResourceType.User
            && UserAccount.From(stored).IsActiveAdmin
            && (written is null || !UserAccount.From(written).IsActiveAdmin);
    }

    /// <summary>Whether the organization has an active Admin other than <paramref name="userId"/>.</summary>
    public static async Task<bool> AnyOtherThanAsync(IUserAccountStore accounts, string organizationId, string userId, CancellationToken cancellationToken) =>
        (await ListAsync(accounts, organizationId, cancellationToken)).Any(a => a.Id != userId && a.IsActiveAdmin);

    /// <summary>Whether <paramref name="userId"/> is the organization's only active Admin.</summary>
    public static async Task<bool> IsLastAsync(IUserAccountStore accounts, string organizationId, string userId, CancellationToken cancellationToken)
    {
        var active = (await ListAsync(accounts, organizationId, cancellationToken)).Where(a => a.IsActiveAdmin).ToList();
        return active.Count == 1 && active[0].Id == userId;
    }

    private static async Task<IEnumerable<UserAccount>> ListAsync(IUserAccountStore accounts, string organizationId, CancellationToken cancellationToken) =>
        (await accounts.ListAsync(new Tenant(organizationId, DeploymentEnvironment.Production), AccountRole.Admin, cancellationToken)).Select(UserAccount.From);
}
