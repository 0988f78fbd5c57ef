using System.Collections.Concurrent;
using System.Security.Cryptography;
using AutoRfpHex.Core.Credentials.Tokens;

namespace AutoRfpHex.Core.Tests.Fakes;

/// <summary>Opaque random tokens remembered in memory with their claims; they expire by the given clock.</summary>
public sealed class InMemoryAccessTokenIssuer(TimeProvider time) : IAccessTokenIssuer
{
    private readonly ConcurrentDictionary<string, ValidatedAccessToken> accessTokens = new(StringComparer.Ordinal);

    public string Issuer => "https://autorfp.test";

    public List<AccessTokenRequest> Requests { get; } = [];

    public IssuedAccessToken Issue(AccessTokenRequest request)
    {
        Requests.Add(request);
        var now = time.GetUtcNow();
        var token = "at." + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var tokenId = Guid.NewGuid().ToString("N");
        accessTokens[token] = new ValidatedAccessToken(request.ClientId, request.Tenant, request.SecretId, request.Scope, tokenId, now + request.Lifetime);
        return new IssuedAccessToken(token, tokenId, now, now + request.Lifetime);
    }

    public ValidatedAccessToken? Validate(string token) =>
        accessTokens.TryGetValue(token, out var claims) && claims.ExpiresAt > time.GetUtcNow() ? claims : null;

    public string JsonWebKeySetJson() => """{"keys":[]}""";

    public string IssueAdminToken(string organizationId, string userId, TimeSpan lifetime) =>
        $"admin.{organizationId}.{userId}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(8))}";
}
