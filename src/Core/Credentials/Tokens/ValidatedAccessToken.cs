using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Credentials.Tokens;

/// <summary>The claims of a valid access token. They name the credential; whether it is still good is checked per request.</summary>
public sealed record ValidatedAccessToken(
    string ClientId,
    Tenant Tenant,
    string SecretId,
    string Scope,
    string TokenId,
    DateTimeOffset ExpiresAt);
