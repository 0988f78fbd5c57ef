using AutoRfpHex.Adapters.Http.Admin;
using AutoRfpHex.Core.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace AutoRfpHex.Adapters.Http.Authentication;

/// <summary>
/// The admin API's policy: a valid admin JWT with an organization claim. Tokens this service issued must also name
/// a user who is still an active Admin; tokens of a trusted external issuer are vouched for by that issuer.
/// </summary>
public static class AdminAuthorization
{
    public const string PolicyName = "Admin";
    public const string SchemeName = "AdminBearer";
    public const string ExternalSchemeName = "AdminExternalBearer";
}

public sealed class ActiveAdminRequirement : IAuthorizationRequirement;

public sealed class ActiveAdminHandler(AdminAccess access) : AuthorizationHandler<ActiveAdminRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ActiveAdminRequirement requirement)
    {
        var organizationId = context.User.FindFirst(AdminCaller.OrganizationClaim)?.Value;
        if (string.IsNullOrEmpty(organizationId))
        {
            return;
        }

        var localIdentity = context.User.Identities.FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType == AdminAuthorization.SchemeName);
        if (localIdentity is null)
        {
            context.Succeed(requirement);
            return;
        }

        var userId = localIdentity.FindFirst("sub")?.Value;
        if (userId is not null && await access.IsActiveAdminAsync(organizationId, userId, CancellationToken.None))
        {
            context.Succeed(requirement);
        }
    }
}
