namespace AutoRfpHex.Core.Credentials.OAuth;

/// <summary>A token request as received (RFC 6749 §4.4.2), before any validation.</summary>
/// <param name="AuthorizationHeader">The whole <c>Authorization</c> header value, if sent (client_secret_basic).</param>
/// <param name="ClientId">Form field <c>client_id</c> (client_secret_post, or sent alongside Basic).</param>
/// <param name="ClientSecret">Form field <c>client_secret</c> (client_secret_post).</param>
public sealed record TokenRequest(
    string? GrantType,
    string? Scope,
    string? AuthorizationHeader,
    string? ClientId,
    string? ClientSecret)
{
    public override string ToString() => $"TokenRequest {{ GrantType = {GrantType}, Scope = {Scope}, ClientId = {ClientId} }}";
}
