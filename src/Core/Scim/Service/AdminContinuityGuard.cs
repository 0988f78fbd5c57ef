using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Scim.Service;

/// <summary>
/// An identity provider must not be able to lock an organization out of AutoRFP: the organization's Admins are the
/// SCIM Users of its Production tenant, so a SCIM write that would deactivate or delete the last active Admin is refused.
/// </summary>
internal sealed class AdminContinuityGuard(IUserAccountStore accounts)
{
    /// <summary>Whether the tenant has an active Admin other than <paramref name="userId"/>; always true outside Production.</summary>
    public async Task<bool> OtherActiveAdminExistsAsync(Tenant tenant, ScimResourceType type, string userId, CancellationToken ct)
    {
        if (tenant.Environment != DeploymentEnvironment.Production || type != ScimResourceType.User)
        {
            return true;
        }

        return await ActiveAdmins.AnyOtherThanAsync(accounts, tenant.OrganizationId, userId, ct);
    }

    /// <summary>Throws when <paramref name="current"/> is an active Admin and the write would leave it inactive or gone.</summary>
    public static void EnsureAllowed(ScimResourceRecord current, bool remainsActive, bool otherActiveAdminExists)
    {
        if (otherActiveAdminExists || remainsActive || !UserAccount.From(current).IsActiveAdmin)
        {
            return;
        }

        throw Refusal(current.Attributes["userName"]?.ToString() ?? current.Id);
    }

    /// <summary>The 403 for a write that would take away the last active Admin, whether Core or the store caught it.</summary>
    public static ScimException Refusal(string userName) => new(
        403,
        null,
        $"User '{userName}' is the organization's last active AutoRFP Admin: deactivating or deleting them would lock everyone out of AutoRFP. Give another user the Admin role first.");
}
