namespace AutoRfpHex.Core.Credentials.Tokens;

/// <summary>
/// Issues and validates our signed access tokens (RFC 9068 JWTs in production) and publishes the public keys.
/// Synchronous on purpose: signing keys are held in memory by the adapter, and ASP.NET's JwtBearer, which
/// validates admin tokens with the same keys, can only ask for them synchronously.
/// </summary>
public interface IAccessTokenIssuer
{
    /// <summary>The <c>iss</c> of every token; also the <c>issuer</c> of the authorization-server metadata (RFC 8414).</summary>
    string Issuer { get; }

    /// <summary>Signs a SCIM access token for a client that has just authenticated at the token endpoint.</summary>
    IssuedAccessToken Issue(AccessTokenRequest request);

    /// <summary>
    /// The token's claims when it is one of our SCIM access tokens (allow-listed algorithm, <c>typ: at+jwt</c>,
    /// our issuer, the SCIM audience, within its lifetime, valid signature); otherwise null, never an exception.
    /// </summary>
    ValidatedAccessToken? Validate(string token);

    /// <summary>The public signing keys as an RFC 7517 JWK Set document, including keys kept for rotation overlap.</summary>
    string JsonWebKeySetJson();

    /// <summary>A token for the admin API (its own audience), acting as <paramref name="userId"/> of <paramref name="organizationId"/>.</summary>
    string IssueAdminToken(string organizationId, string userId, TimeSpan lifetime);
}
