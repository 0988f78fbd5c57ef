using AutoRfpHex.Core.Credentials.OAuth;
using AutoRfpHex.Core.Credentials.SecretKeys;
using AutoRfpHex.Core.Credentials.Tokens;

namespace AutoRfpHex.Core.Credentials.ScimAuthentication;

/// <summary>
/// Authenticates every SCIM call, whichever of the three ways the identity provider uses, and checks on each call
/// that the credential still works: client not deleted, secret not revoked, expired or superseded, SCIM on, and
/// the impersonated user still an active Admin. State is read through a cache of a few seconds, so a revocation
/// takes effect within seconds and not when a token expires.
/// </summary>
public sealed class ScimCredentialAuthenticator(
    IAccessTokenIssuer tokens,
    CredentialStateReader state,
    SecretVerifier verifier,
    VerifiedSecretCache verifiedSecrets,
    IClientSecretStore secrets,
    SecretUseThrottle useThrottle,
    TimeProvider time)
{
    public const string InvalidToken = "invalid_token";

    internal const string InvalidBearerDetail =
        "The bearer token is not valid: it is neither a current AutoRFP access token nor an AutoRFP secret key. "
        + "Access tokens expire after 60 minutes; request a new one from the token endpoint.";

    internal const string InvalidSecretKeyDetail =
        "The credential is not valid: the client id or secret key is wrong or unknown, or the client was deleted.";

    public async Task<ScimAuthenticationResult> AuthenticateAsync(PresentedScimCredential credential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        switch (credential)
        {
            // The key format is checked first: it is a pure function, and a secret key never parses as a JWT.
            case PresentedScimCredential.Bearer bearer when SecretKeyFormat.TryParse(bearer.Token, out var key):
                return await FromSecretKeyAsync(key, null, ScimCredentialKind.SecretKey, cancellationToken);
            case PresentedScimCredential.Bearer bearer when tokens.Validate(bearer.Token) is { } claims:
                return await FromAccessTokenAsync(claims, cancellationToken);
            case PresentedScimCredential.Basic basic when SecretKeyFormat.TryParse(basic.Secret, out var key):
                return await FromSecretKeyAsync(key, basic.ClientId, ScimCredentialKind.Basic, cancellationToken);
            case PresentedScimCredential.Basic:
                return Unauthenticated(InvalidSecretKeyDetail);
            default:
                return Unauthenticated(InvalidBearerDetail);
        }
    }

    private async Task<ScimAuthenticationResult> FromAccessTokenAsync(ValidatedAccessToken claims, CancellationToken cancellationToken)
    {
        var client = await state.FindClientAsync(claims.ClientId, cancellationToken);
        if (client is null || client.Tenant != claims.Tenant)
        {
            return Unauthenticated("The OAuth client this access token was issued to no longer exists; create a new client and update your identity provider.");
        }

        var secret = await state.FindSecretAsync(claims.SecretId, cancellationToken);
        if (secret is null || secret.ClientId != client.ClientId)
        {
            return Unauthenticated("The secret key this access token was issued for no longer exists; request a new token with a current secret key.", client);
        }

        return await AuthorizeAsync(client, secret, ScimCredentialKind.AccessToken, cancellationToken);
    }

    private async Task<ScimAuthenticationResult> FromSecretKeyAsync(SecretKey key, string? presentedClientId, ScimCredentialKind via, CancellationToken cancellationToken)
    {
        // An unknown key id fails before any hashing. No client id is learnt this way (key ids are random and
        // 71 bits long), and junk keys cannot make the server burn BCrypt time.
        var stored = await state.FindSecretAsync(key.KeyId, cancellationToken);
        if (stored is null)
        {
            return Unauthenticated(InvalidSecretKeyDetail);
        }

        var client = await state.FindClientAsync(stored.ClientId, cancellationToken);
        var belongs = client is not null
            && TokenService.BelongsTo(stored, client, key)
            && (presentedClientId is null || presentedClientId == client.ClientId);
        if (!belongs || client is null)
        {
            verifier.Verify(key, null);
            return Unauthenticated(InvalidSecretKeyDetail);
        }

        if (!verifiedSecrets.IsKnownMatch(key.Value, stored))
        {
            if (!verifier.Verify(key, stored))
            {
                return Unauthenticated(InvalidSecretKeyDetail, client);
            }

            verifiedSecrets.RememberMatch(key.Value, stored);
        }

        return await AuthorizeAsync(client, stored, via, cancellationToken);
    }

    /// <summary>The per-call checks of a credential that has proven which client and secret it is.</summary>
    private async Task<ScimAuthenticationResult> AuthorizeAsync(OAuthClient client, ClientSecret secret, ScimCredentialKind via, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!secret.IsUsableAt(now))
        {
            // The caller holds this secret (or a token signed for it), so it may learn exactly what happened.
            return Unauthenticated(
                $"The credential no longer works: {SecretStates.Describe(secret, now)} (client '{client.Name}'). "
                + "Create a new secret key and update it in your identity provider.",
                client);
        }

        var organization = await state.FindOrganizationAsync(client.OrganizationId, cancellationToken);
        if (organization?.ScimEnabled != true)
        {
            return Forbidden(
                "SCIM provisioning is turned off for this organization in AutoRFP; an AutoRFP admin must turn it on "
                + "(Organization → Integrations) before the identity provider can provision.",
                client);
        }

        var user = await state.FindUserAsync(client.OrganizationId, client.ImpersonatedUserId, cancellationToken);
        if (!Impersonation.IsAllowed(user))
        {
            return Forbidden(Impersonation.RefusalAtRuntime(client, client.ImpersonatedUserId, user), client);
        }

        if (useThrottle.ShouldRecord(secret, now))
        {
            await secrets.RecordUseAsync(secret.SecretId, now, cancellationToken);
        }

        return ScimAuthenticationResult.Success(
            new ScimPrincipal(client.Tenant, client.ClientId, secret.SecretId, client.ImpersonatedUserId) { Via = via });
    }

    private static ScimAuthenticationResult Unauthenticated(string detail, OAuthClient? client = null) =>
        ScimAuthenticationResult.Fail(new ScimAuthenticationFailure(401, detail, InvalidToken) { Client = client });

    private static ScimAuthenticationResult Forbidden(string detail, OAuthClient client) =>
        ScimAuthenticationResult.Fail(new ScimAuthenticationFailure(403, detail, null) { Client = client });
}
