using AutoRfpHex.Core.Credentials.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRfpHex.TestHost;

/// <summary>Issues admin tokens with the service's own <see cref="IAccessTokenIssuer"/>.</summary>
internal static class AdminTokens
{
    public static string Issue(IServiceProvider services, string organizationId, string userId, TimeSpan lifetime) =>
        services.GetRequiredService<IAccessTokenIssuer>().IssueAdminToken(organizationId, userId, lifetime);
}
