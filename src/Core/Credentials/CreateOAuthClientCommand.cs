using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Credentials;

/// <summary>A new OAuth client. Give exactly one of <see cref="ImpersonateUserId"/> and <see cref="NewImpersonationUser"/>.</summary>
/// <param name="ImpersonateUserId">An existing active Admin of the organization's Production tenant.</param>
/// <param name="NewImpersonationUser">A new integration-specific Admin to create for this client.</param>
public sealed record CreateOAuthClientCommand(
    string Name,
    DeploymentEnvironment Environment,
    string? ImpersonateUserId,
    NewImpersonationUser? NewImpersonationUser);

/// <summary>A new Admin account made only to be impersonated by one integration (recommended: it makes its calls traceable).</summary>
public sealed record NewImpersonationUser(string Email, string DisplayName);
