using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Credentials.ScimAuthentication;

/// <summary>Who a SCIM call runs as: the tenant the credential opens and the Admin the client impersonates.</summary>
public sealed record ScimPrincipal(Tenant Tenant, string ClientId, string SecretId, string ImpersonatedUserId)
{
    /// <summary>How the credential was presented (for the provisioning log).</summary>
    public ScimCredentialKind Via { get; init; }
}

public enum ScimCredentialKind
{
    /// <summary>A JWT from our token endpoint (Entra's client-credentials grant).</summary>
    AccessToken,

    /// <summary>The secret key itself as the bearer value (Okta "HTTP Header", Entra "Secret Token").</summary>
    SecretKey,

    /// <summary><c>Basic client_id:secret</c> (Okta "Basic Auth").</summary>
    Basic,
}
