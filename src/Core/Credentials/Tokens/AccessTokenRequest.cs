using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Credentials.Tokens;

/// <param name="SecretId">The secret the client authenticated with: SCIM checks it is still usable on every call.</param>
/// <param name="Scope">Space-separated granted scopes (<c>scim</c>).</param>
public sealed record AccessTokenRequest(string ClientId, Tenant Tenant, string SecretId, string Scope, TimeSpan Lifetime);
