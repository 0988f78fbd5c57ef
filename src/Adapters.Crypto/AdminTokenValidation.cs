using AutoRfpHex.Adapters.Crypto.Signing;
using Microsoft.IdentityModel.Tokens;

namespace AutoRfpHex.Adapters.Crypto;

/// <summary>
/// What ASP.NET's JwtBearer needs to validate admin API tokens issued by <see cref="JwtAccessTokenIssuer.IssueAdminToken"/>:
/// the same trusted keys (resolved per token, so rotations are seen), our issuer and the admin audience.
/// Use: <c>options.TokenValidationParameters = adminTokens.CreateValidationParameters(); options.MapInboundClaims = false;</c>
/// </summary>
public sealed class AdminTokenValidation(SigningKeyRing keys, CryptoOptions options, TimeProvider time)
{
    public string Issuer => options.Issuer;

    public string Audience => options.ResolvedAdminAudience;

    /// <summary>The keys trusted right now (a snapshot; prefer <see cref="CreateValidationParameters"/>, which resolves per token).</summary>
    public IReadOnlyList<SecurityKey> SigningKeys => keys.Current().SecurityKeys;

    /// <summary>Claims of admin tokens: <c>sub</c> is the user id, <c>org</c> the organization id.</summary>
    public TokenValidationParameters CreateValidationParameters()
    {
        var parameters = TokenValidation.Parameters(options, time, keys, Audience, TokenClaimNames.AdminTokenType);
        parameters.NameClaimType = "sub";
        return parameters;
    }
}
