using AutoRfpHex.Adapters.Http.Admin.Generated;
using AutoRfpHex.Core.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace AutoRfpHex.Adapters.Http.Admin;

public sealed class UsersHandler(UserAccountService accounts, AdminCaller caller) : IUsersController
{
    public async Task<ActionResult<ICollection<AccountUser>>> ListUsersAsync(UserRole? role, CancellationToken cancellationToken = default)
    {
        var users = await accounts.ListAsync(caller.OrganizationId, role is { } r ? AdminMapping.ToCore(r) : null, cancellationToken);
        return users.Select(AdminMapping.ToDto).ToList();
    }

    public async Task<ActionResult<AccountUser>> UpdateUserRoleAsync(string userId, UpdateUserRoleRequest body, CancellationToken cancellationToken = default) =>
        AdminMapping.ToDto(await accounts.ChangeRoleAsync(caller.OrganizationId, userId, AdminMapping.ToCore(body.Role), cancellationToken));
}
