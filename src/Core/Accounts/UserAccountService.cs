using AutoRfpHex.Core.Common;
using AutoRfpHex.Core.Credentials.ScimAuthentication;
using AutoRfpHex.Core.Organizations;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Accounts;

/// <summary>AutoRFP user accounts: the SCIM Users of the organization's Production tenant, and their roles.</summary>
public sealed class UserAccountService(IOrganizationStore organizations, IUserAccountStore accounts, CredentialStateCache credentialState)
{
    /// <summary>Users of the organization, optionally only those with <paramref name="role"/>, ordered by userName.</summary>
    public async Task<IReadOnlyList<UserAccount>> ListAsync(string organizationId, AccountRole? role, CancellationToken cancellationToken)
    {
        await organizations.RequireAsync(organizationId, cancellationToken);
        var users = await accounts.ListAsync(ProductionOf(organizationId), role, cancellationToken);
        return users.Select(UserAccount.From).ToList();
    }

    /// <summary>The users an OAuth client may impersonate: active Admins.</summary>
    public async Task<IReadOnlyList<UserAccount>> ListImpersonationCandidatesAsync(string organizationId, CancellationToken cancellationToken)
    {
        var admins = await ListAsync(organizationId, AccountRole.Admin, cancellationToken);
        return admins.Where(a => a.IsActiveAdmin).ToList();
    }

    /// <summary>
    /// Changes a user's role. Demoting an impersonated Admin is allowed: that client's SCIM calls then fail with 403
    /// and a detail naming the user, which is how the admin notices.
    /// </summary>
    public async Task<UserAccount> ChangeRoleAsync(string organizationId, string userId, AccountRole role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        if (!Enum.IsDefined(role))
        {
            throw new RequestRejectedException(RejectionKind.Invalid, "The role must be 'Member' or 'Admin'.");
        }

        await organizations.RequireAsync(organizationId, cancellationToken);
        if (role != AccountRole.Admin)
        {
            await EnsureAnotherActiveAdminAsync(organizationId, userId, cancellationToken);
        }

        var result = await accounts.SetRoleAsync(ProductionOf(organizationId), userId, role, cancellationToken);
        var updated = result.Outcome switch
        {
            StoreWriteOutcome.Written => result.Resource!,
            StoreWriteOutcome.LastActiveAdmin => throw LastActiveAdmin(),
            _ => throw new RequestRejectedException(RejectionKind.NotFound, $"No user with id '{userId}' exists in this organization."),
        };
        credentialState.ForgetUser(organizationId, userId);
        return UserAccount.From(updated);
    }

    internal static Tenant ProductionOf(string organizationId) => new(organizationId, DeploymentEnvironment.Production);

    /// <summary>Demoting the last active Admin would leave nobody able to manage the organization.</summary>
    private async Task EnsureAnotherActiveAdminAsync(string organizationId, string userId, CancellationToken cancellationToken)
    {
        if (await ActiveAdmins.IsLastAsync(accounts, organizationId, userId, cancellationToken))
        {
            throw LastActiveAdmin();
        }
    }

    private static RequestRejectedException LastActiveAdmin() => new(
        RejectionKind.Conflict,
        "This user is the organization's last active Admin; give another user the Admin role before changing this one.");
}
