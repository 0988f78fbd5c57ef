using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Accounts;

/// <summary>
/// The AutoRFP side of user records: roles are not SCIM attributes, so they are read and changed here.
/// Users are created through <see cref="IScimResourceStore"/> (with <see cref="ScimResourceRecord.Role"/> set).
/// </summary>
public interface IUserAccountStore
{
    /// <summary>Users of the tenant, optionally only those with <paramref name="role"/>, ordered by userName.</summary>
    Task<IReadOnlyList<ScimResourceRecord>> ListAsync(Tenant tenant, AccountRole? role, CancellationToken cancellationToken);

    /// <returns>
    /// Written with the updated user (version bumped); NotFound when the tenant has no such user; LastActiveAdmin when the
    /// change would leave the organization's Production tenant without an active Admin (checked in the write's transaction).
    /// </returns>
    Task<StoreWriteResult> SetRoleAsync(Tenant tenant, string userId, AccountRole role, CancellationToken cancellationToken);
}
