using AutoRfpHex.Core.Credentials.Tokens;
using AutoRfpHex.Core.Tenancy;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AutoRfpHex.Adapters.Crypto;

/// <summary>Reads a validated access token's claims; a token missing any of ours is not one of ours.</summary>
internal static class AccessTokenClaims
{
    public static ValidatedAccessToken? Read(JsonWebToken jwt)
    {
        var clientId = Text(jwt, TokenClaimNames.ClientId);
        var subject = Text(jwt, JwtRegisteredClaimNames.Sub);
        var organization = Text(jwt, TokenClaimNames.Organization);
        var environment = EnvironmentNames.Parse(Text(jwt, TokenClaimNames.Environment));
        var secretId = Text(jwt, TokenClaimNames.SecretId);
        var tokenId = Text(jwt, JwtRegisteredClaimNames.Jti);
        var scope = Text(jwt, TokenClaimNames.Scope);
        if (clientId is null || subject != clientId || organization is null || environment is null
            || secretId is null || tokenId is null || scope is null
            || !scope.Split(' ').Contains("scim", StringComparer.Ordinal))
        {
            return null;
        }

        return new ValidatedAccessToken(
            clientId,
            new Tenant(organization, environment.Value),
            secretId,
            scope,
            tokenId,
            new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
    }

    private static string? Text(JsonWebToken jwt, string claim) =>
        jwt.TryGetPayloadValue<string>(claim, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
