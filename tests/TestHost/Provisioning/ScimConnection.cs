namespace AutoRfpHex.TestHost.Provisioning;

/// <summary>An OAuth client with a secret key, as an admin hands it to an identity provider.</summary>
/// <param name="Environment">"production" or "sandbox", as the admin API spells it.</param>
public sealed record ScimConnection(
    string OrganizationId,
    string ClientId,
    string Secret,
    string SecretId,
    string ImpersonatedUserId,
    string Environment);

/// <summary>The three ways an identity provider presents a SCIM credential.</summary>
public enum ScimAuthMode
{
    /// <summary>A JWT from the token endpoint (Entra "OAuth2 Client Credentials Grant").</summary>
    AccessToken,

    /// <summary>The secret key itself as a bearer token (Okta "HTTP Header", Entra "Secret Token").</summary>
    SecretAsBearer,

    /// <summary><c>Basic base64(client_id:secret)</c> (Okta "Basic Auth").</summary>
    Basic,
}
