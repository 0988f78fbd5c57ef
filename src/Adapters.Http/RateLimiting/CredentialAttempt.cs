using AutoRfpHex.Core.Credentials.SecretKeys;
using Microsoft.AspNetCore.Http;

namespace AutoRfpHex.Adapters.Http.RateLimiting;

public enum CredentialSurface
{
    /// <summary><c>POST /oauth/token</c>: every request checks the client secret with BCrypt.</summary>
    TokenEndpoint,

    /// <summary>A SCIM call with a secret key (as bearer or in Basic) that is not a recently verified match.</summary>
    Scim,
}

/// <summary>
/// A request that will make the server check a secret, so it counts against the rate limits. Requests without one
/// (access tokens, recently verified keys, everything outside SCIM and the token endpoint) are never limited.
/// </summary>
/// <param name="Address">The caller's network address (see <see cref="ClientAddress"/>).</param>
/// <param name="Credential">What the secret is presented for: <c>client:{id}</c> or <c>key:{keyId}</c>; never the secret.</param>
/// <param name="KnownClientId">A client id the request may belong to, so a refusal can go to that organization's log.</param>
public sealed record CredentialAttempt(CredentialSurface Surface, string Address, string Credential, string? KnownClientId)
{
    private static readonly object Key = new();

    public static CredentialAttempt? Of(HttpContext context) => context.Items[Key] as CredentialAttempt;

    public void AttachTo(HttpContext context) => context.Items[Key] = this;

    /// <summary>Client ids are random and well-formed; anything else shares one counter, so junk ids buy no extra budget.</summary>
    public static string ClientCredential(string? clientId) =>
        clientId is null ? "client:(none)"
        : OAuthClientIds.IsWellFormed(clientId) ? "client:" + clientId
        : "client:(malformed)";

    public static string KeyCredential(string keyId) => "key:" + keyId;
}
