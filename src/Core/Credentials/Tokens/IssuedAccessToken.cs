namespace AutoRfpHex.Core.Credentials.Tokens;

/// <param name="Token">The bearer credential itself; <see cref="ToString"/> leaves it out so it cannot reach a log.</param>
/// <param name="TokenId">The <c>jti</c>: safe to log.</param>
public sealed record IssuedAccessToken(string Token, string TokenId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    public override string ToString() => $"IssuedAccessToken {{ TokenId = {TokenId}, ExpiresAt = {ExpiresAt:O} }}";
}
