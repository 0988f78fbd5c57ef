using AutoRfpHex.Adapters.Crypto.Signing;
using Microsoft.IdentityModel.Tokens;

namespace AutoRfpHex.Adapters.Crypto;

/// <summary>
/// The one definition of what a valid token of ours is: allow-listed algorithm (never <c>none</c>), expected
/// <c>typ</c>, our issuer, the given audience, a lifetime checked against the injected clock, and a signature by a
/// trusted key (an unknown <c>kid</c> triggers a throttled re-read of the key store, for rotations elsewhere).
/// </summary>
internal static class TokenValidation
{
    public static TokenValidationParameters Parameters(CryptoOptions options, TimeProvider time, SigningKeyRing keys, string audience, string tokenType) => new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = audience,
        ValidAlgorithms = SigningAlgorithms.All,
        ValidTypes = [tokenType],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        RequireAudience = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = options.ClockSkew,
        LifetimeValidator = (notBefore, expires, _, parameters) => IsWithinLifetime(notBefore, expires, time.GetUtcNow().UtcDateTime, parameters.ClockSkew),
        IssuerSigningKeyResolver = (_, _, keyId, _) => Resolve(keys, keyId),
    };

    private static bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, DateTime now, TimeSpan skew) =>
        expires is { } exp && now < exp + skew && (notBefore is not { } nbf || now >= nbf - skew);

    private static IEnumerable<SecurityKey> Resolve(SigningKeyRing keys, string? keyId)
    {
        var current = keys.Current();
        if (keyId is null)
        {
            return current.SecurityKeys;
        }

        var match = current.Trusted.Where(k => k.KeyId == keyId).ToList();
        if (match.Count == 0)
        {
            match = keys.RefreshForUnknownKey().Trusted.Where(k => k.KeyId == keyId).ToList();
        }

        return match.Select(k => (SecurityKey)k.SecurityKey).ToList();
    }
}
