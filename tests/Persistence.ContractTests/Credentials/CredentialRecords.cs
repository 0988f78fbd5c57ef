using AutoRfpHex.Core.Credentials;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Persistence.ContractTests.Credentials;

internal static class CredentialRecords
{
    public static OAuthClient Client(string organizationId, DateTimeOffset at, DeploymentEnvironment environment = DeploymentEnvironment.Production, string? name = null) =>
        new("cl_" + Guid.NewGuid().ToString("N"), organizationId, name ?? "Okta", environment, "user-1", at);

    public static ClientSecret Secret(OAuthClient client, DateTimeOffset at, string name = "primary", DateTimeOffset? expiresAt = null) =>
        new("sk_" + Guid.NewGuid().ToString("N"), client.ClientId, client.OrganizationId, name, "arfp_…x9Q", "$2a$11$hash", "bcrypt",
            at, expiresAt, null, null);
}
