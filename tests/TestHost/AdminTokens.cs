using Microsoft.Extensions.DependencyInjection;

namespace AutoRfpHex.TestHost;

/// <summary>Issues admin tokens with the service's own <c>IAccessTokenIssuer</c>.</summary>
internal static class AdminTokens
{
    public static string Issue(IServiceProvider services, string organizationId, string userId, TimeSpan lifetime)
    {
        // Resolved by name until the token issuer port lands on main; then this becomes a typed call.
        var issuerType = AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => a.GetType("AutoRfpHex.Core.Credentials.Tokens.IAccessTokenIssuer"))
            .FirstOrDefault(t => t is not null)
            ?? throw new InvalidOperationException("IAccessTokenIssuer is not part of this build yet.");
        var issuer = services.GetRequiredService(issuerType);
        var method = issuerType.GetMethod("IssueAdminToken", [typeof(string), typeof(string), typeof(TimeSpan)])
            ?? throw new InvalidOperationException("IAccessTokenIssuer.IssueAdminToken(string, string, TimeSpan) not found.");
        return (string)method.Invoke(issuer, [organizationId, userId, lifetime])!;
    }
}
