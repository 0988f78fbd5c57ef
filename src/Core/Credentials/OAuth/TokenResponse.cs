namespace AutoRfpHex.Core.Credentials.OAuth;

/// <summary>A successful token response (RFC 6749 §5.1), plus who got it, for the provisioning log.</summary>
/// <param name="ExpiresIn">Seconds; always sent, it is Entra's only signal for when to fetch a new token.</param>
public sealed record TokenResponse(
    string AccessToken,
    string TokenType,
    int ExpiresIn,
    string Scope,
    OAuthClient Client,
    string SecretId)
{
    public override string ToString() => $"TokenResponse {{ ClientId = {Client.ClientId}, SecretId = {SecretId}, ExpiresIn = {ExpiresIn} }}";
}
