using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AutoRfpHex.Adapters.Crypto.Signing;
using AutoRfpHex.Core.Credentials.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AutoRfpHex.Adapters.Crypto;

/// <summary>
/// RFC 9068 JWT access tokens for SCIM (<c>typ: at+jwt</c>, ES256/RS256 with <c>kid</c>), admin tokens, and the
/// JWK Set. The token carries who the client is and which secret it used; whether that still holds is checked
/// by Core on every call, so the token itself needs no revocation list.
/// </summary>
public sealed class JwtAccessTokenIssuer(SigningKeyRing keys, CryptoOptions options, TimeProvider time) : IAccessTokenIssuer
{
    private const int MaxTokenLength = 8 * 1024;

    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Issuer => options.Issuer;

    public IssuedAccessToken Issue(AccessTokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var issuedAt = WholeSeconds(time.GetUtcNow());
        var expiresAt = issuedAt + request.Lifetime;
        var tokenId = NewTokenId();
        var token = Sign(TokenClaimNames.AccessTokenType, options.ResolvedScimAudience, issuedAt, expiresAt, new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = request.ClientId,
            [TokenClaimNames.ClientId] = request.ClientId,
            [JwtRegisteredClaimNames.Jti] = tokenId,
            [TokenClaimNames.Scope] = request.Scope,
            [TokenClaimNames.Organization] = request.Tenant.OrganizationId,
            [TokenClaimNames.Environment] = EnvironmentNames.Of(request.Tenant.Environment),
            [TokenClaimNames.SecretId] = request.SecretId,
        });
        return new IssuedAccessToken(token, tokenId, issuedAt, expiresAt);
    }

    public ValidatedAccessToken? Validate(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength || !handler.CanReadToken(token))
        {
            return null;
        }

        var parameters = TokenValidation.Parameters(options, time, keys, options.ResolvedScimAudience, TokenClaimNames.AccessTokenType);
        // The synchronous ValidateToken is obsolete. With keys in memory and no configuration manager the async one
        // does no I/O and completes synchronously, so waiting on it blocks nothing.
        var result = handler.ValidateTokenAsync(token, parameters).GetAwaiter().GetResult();
        return result.IsValid && result.SecurityToken is JsonWebToken jwt ? AccessTokenClaims.Read(jwt) : null;
    }

    public string JsonWebKeySetJson()
    {
        var jwks = new JsonArray();
        foreach (var key in keys.Current().Trusted)
        {
            jwks.Add(key.ToJwk());
        }

        return new JsonObject { ["keys"] = jwks }.ToJsonString();
    }

    public string IssueAdminToken(string organizationId, string userId, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(organizationId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        var issuedAt = WholeSeconds(time.GetUtcNow());
        return Sign(TokenClaimNames.AdminTokenType, options.ResolvedAdminAudience, issuedAt, issuedAt + lifetime, new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = userId,
            [TokenClaimNames.Organization] = organizationId,
            [JwtRegisteredClaimNames.Jti] = NewTokenId(),
        });
    }

    private string Sign(string type, string audience, DateTimeOffset issuedAt, DateTimeOffset expiresAt, Dictionary<string, object> claims) =>
        handler.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = type,
            Issuer = options.Issuer,
            Audience = audience,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            Claims = claims,
            SigningCredentials = keys.Current().Active.Credentials,
        });

    private static string NewTokenId() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));

    // JWT times are whole seconds; the times we report must equal the ones in the token.
    private static DateTimeOffset WholeSeconds(DateTimeOffset at) => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds());
}
