using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Credentials;

/// <summary>The one rule for who an OAuth client may run as: an active Admin of the organization's Production tenant.</summary>
internal static class Impersonation
{
    public static bool IsAllowed(ScimResourceRecord? user) =>
        user is not null && UserAccount.From(user).IsActiveAdmin;

    /// <summary>Why a user cannot be chosen when a client is created.</summary>
    public static string RefusalOnCreate(string userId, ScimResourceRecord? user)
    {
        if (user is null)
        {
            return $"No user with id '{userId}' exists in this organization's production directory; choose one of its active Admins.";
        }

        var account = UserAccount.From(user);
        return $"The user '{account.UserName}' cannot be impersonated: only an active Admin can, and {Reason(account)}; "
            + $"{Remedy(account)} or choose another user.";
    }

    /// <summary>Why a client's calls are refused now that its user changed: names the user and the client, and says what to do.</summary>
    public static string RefusalAtRuntime(OAuthClient client, string userId, ScimResourceRecord? user)
    {
        if (user is null)
        {
            return $"The impersonated user (id '{userId}') of client '{client.Name}' no longer exists in AutoRFP; "
                + "create a new client that impersonates an active Admin.";
        }

        var account = UserAccount.From(user);
        return $"The impersonated user '{account.UserName}' is not an active Admin in AutoRFP ({Reason(account)}); "
            + $"{Remedy(account)} or create a new client that impersonates an active Admin instead of client '{client.Name}'.";
    }

    private static string Reason(UserAccount account) => (account.Active, account.Role) switch
    {
        (false, AccountRole.Admin) => "they are deactivated",
        (false, _) => "they are deactivated and have the Member role",
        _ => "they have the Member role",
    };

    private static string Remedy(UserAccount account) => (account.Active, account.Role) switch
    {
        (false, AccountRole.Admin) => "reactivate them,",
        (false, _) => "reactivate them and give them the Admin role,",
        _ => "give them the Admin role,",
    };
}
