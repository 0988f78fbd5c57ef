using AutoRfpHex.Core.Credentials.ScimAuthentication;
using AutoRfpHex.Core.Credentials.SecretKeys;
using AutoRfpHex.Core.Credentials.Tokens;
using AutoRfpHex.Core.Organizations;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Credentials.OAuth;

/// <summary>
/// The token endpoint (RFC 6749 §4.4, client credentials), for Entra's "OAuth2 Client Credentials Grant".
/// Reads the store fresh: one request per client per hour does not need a cache, and BCrypt runs once per token.
/// </summary>
public sealed class TokenService(
    IOAuthClientStore clients,
    IClientSecretStore secrets,
    IOrganizationStore organizations,
    IScimResourceStore resources,
    SecretVerifier verifier,
    IAccessTokenIssuer tokens,
    SecretUseThrottle useThrottle,
    TimeProvider time)
{
    /// <summary>60 minutes: the shortest lifetime Entra accepts, and a common default.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(60);

    /// <summary>
    /// The one description of every client-authentication failure, so that no answer tells an unknown client from
    /// a wrong, expired or revoked secret (the specific reason goes to the organization's log only).
    /// </summary>
    public const string ClientAuthenticationFailed =
        "Client authentication failed: the client id or secret key is wrong, the secret key has expired or was revoked, "
        + "or SCIM provisioning is turned off for the organization.";

    /// <exception cref="OAuthException">Any refusal, with its RFC 6749 §5.2 code and status.</exception>
    public async Task<TokenResponse> IssueAsync(TokenRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        TokenRequestValidation.RequireClientCredentialsGrant(request.GrantType);
        var presented = TokenRequestValidation.PresentedCredentials(request);
        var scope = TokenRequestValidation.GrantedScope(request.Scope);

        var (client, secret) = await AuthenticateAsync(presented, cancellationToken);
        await RequireImpersonableUserAsync(client, cancellationToken);

        var issued = tokens.Issue(new AccessTokenRequest(client.ClientId, client.Tenant, secret.SecretId, scope, AccessTokenLifetime));
        var now = time.GetUtcNow();
        if (useThrottle.ShouldRecord(secret, now))
        {
            await secrets.RecordUseAsync(secret.SecretId, now, cancellationToken);
        }

        return new TokenResponse(issued.Token, "Bearer", (int)AccessTokenLifetime.TotalSeconds, scope, client, secret.SecretId);
    }

    private async Task<(OAuthClient Client, ClientSecret Secret)> AuthenticateAsync(ClientCredentials presented, CancellationToken cancellationToken)
    {
        // Look the client up whatever the secret looks like: an admin who pasted the wrong value sees it in the log.
        var client = OAuthClientIds.IsWellFormed(presented.ClientId)
            ? await clients.FindAsync(presented.ClientId, cancellationToken)
            : null;

        // A malformed key costs no hashing whether the client exists or not, so timing tells nothing here either.
        if (!SecretKeyFormat.TryParse(presented.Secret, out var key))
        {
            throw Refused(client, "the secret is not a well-formed AutoRFP secret key");
        }

        var stored = await secrets.FindAsync(key.KeyId, cancellationToken);
        var candidate = client is not null && BelongsTo(stored, client, key) ? stored : null;
        if (!verifier.Verify(key, candidate) || candidate is null || client is null)
        {
            throw Refused(client, client is null ? "unknown client id" : "the secret key is wrong or belongs to another client");
        }

        var now = time.GetUtcNow();
        if (!candidate.IsUsableAt(now))
        {
            throw Refused(client, SecretStates.Describe(candidate, now));
        }

        var organization = await organizations.GetAsync(client.OrganizationId, cancellationToken);
        if (organization?.ScimEnabled != true)
        {
            throw Refused(client, "SCIM provisioning is turned off for the organization");
        }

        return (client, candidate);
    }

    private async Task RequireImpersonableUserAsync(OAuthClient client, CancellationToken cancellationToken)
    {
        var user = await resources.GetAsync(
            new Tenant(client.OrganizationId, DeploymentEnvironment.Production),
            ScimResourceType.User,
            client.ImpersonatedUserId,
            ResourceLoadOptions.DocumentOnly,
            cancellationToken);
        if (!Impersonation.IsAllowed(user))
        {
            // The client has proven who it is, so it may learn exactly what to fix.
            var detail = Impersonation.RefusalAtRuntime(client, client.ImpersonatedUserId, user);
            throw new OAuthException(OAuthErrors.UnauthorizedClient, detail, 400) { Client = client, LogReason = detail };
        }
    }

    /// <summary>The key's record must be of this client, organization and environment (an arfp_test_ key never opens a production client).</summary>
    internal static bool BelongsTo(ClientSecret? stored, OAuthClient client, SecretKey key) =>
        stored is not null
        && stored.ClientId == client.ClientId
        && stored.OrganizationId == client.OrganizationId
        && key.Environment == client.Environment;

    private static OAuthException Refused(OAuthClient? client, string reason) =>
        new(OAuthErrors.InvalidClient, ClientAuthenticationFailed, 401) { Client = client, LogReason = reason };
}
