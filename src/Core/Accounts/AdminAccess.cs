using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Accounts;

/// <summary>
/// Who may use the admin API with a token this service issued: an account that is still an active Admin of the
/// token's organization. Checked per request, so demoting or deactivating an admin takes effect at once.
/// </summary>
public sealed class AdminAccess(IScimResourceStore users)
{
    public async Task<bool> IsActiveAdminAsync(string organizationId, string userId, CancellationToken cancellationToken)
    {
        var tenant = new Tenant(organizationId, DeploymentEnvironment.Production);
        var user = await users.GetAsync(tenant, ScimResourceType.User, userId, ResourceLoadOptions.DocumentOnly, cancellationToken);
        return user is not null && user.Role == AccountRole.Admin && IsActive(user);
    }

    private static bool IsActive(ScimResourceRecord user) =>
        user.Attributes["active"] is not System.Text.Json.Nodes.JsonValue value || !value.TryGetValue<bool>(out var active) || active;
}
