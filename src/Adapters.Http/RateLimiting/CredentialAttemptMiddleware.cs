using AutoRfpHex.Adapters.Http.Errors;
using AutoRfpHex.Core.Credentials;
using AutoRfpHex.Core.Credentials.OAuth;
using AutoRfpHex.Core.Credentials.ScimAuthentication;
using AutoRfpHex.Core.Credentials.SecretKeys;
using Microsoft.AspNetCore.Http;

namespace AutoRfpHex.Adapters.Http.RateLimiting;

/// <summary>
/// Runs just before the rate limiter: decides whether this request will make the server check a secret (BCrypt,
/// about 150 ms of CPU on purpose) and, if so, under which counters it goes. The limiter then refuses it before
/// authentication runs, so a refused request costs no hashing.
/// </summary>
public sealed class CredentialAttemptMiddleware(RequestDelegate next, CredentialStateReader state, VerifiedSecretCache verifiedSecrets)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var attempt = ApiSurfaces.Of(context.Request) switch
        {
            ApiSurface.OAuth when IsTokenRequest(context.Request) => await TokenAttemptAsync(context),
            ApiSurface.Scim => await ScimAttemptAsync(context),
            _ => null,
        };
        attempt?.AttachTo(context);
        await next(context);
    }

    private static bool IsTokenRequest(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.Path.StartsWithSegments(ApiSurfaces.TokenPath, StringComparison.OrdinalIgnoreCase, out var rest)
        && rest.Value is null or "" or "/";

    private static async Task<CredentialAttempt> TokenAttemptAsync(HttpContext context)
    {
        var clientId = await PresentedClientIdAsync(context.Request);
        return new CredentialAttempt(
            CredentialSurface.TokenEndpoint,
            ClientAddress.Of(context),
            CredentialAttempt.ClientCredential(clientId),
            OAuthClientIds.IsWellFormed(clientId) ? clientId : null);
    }

    /// <summary>client_secret_basic first, as the endpoint reads it; else the form's client_id (client_secret_post).</summary>
    private static async Task<string?> PresentedClientIdAsync(HttpRequest request)
    {
        if (ClientCredentials.TryParseBasic(request.Headers.Authorization, formUrlEncoded: true, out var basic))
        {
            return basic.ClientId;
        }

        if (!request.HasFormContentType)
        {
            return null;
        }

        // The form is buffered by ASP.NET: the endpoint reads this same parsed copy (or meets the same error) afterwards.
        try
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return form["client_id"].FirstOrDefault();
        }
        catch (InvalidDataException)
        {
            // Over the form limits: counted without a client id; the endpoint answers the error as it always has.
            return null;
        }
    }

    private async Task<CredentialAttempt?> ScimAttemptAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        SecretKey? key;
        string credential;
        string? namedClientId = null;
        switch (PresentedScimCredential.FromAuthorizationHeader(context.Request.Headers.Authorization))
        {
            case PresentedScimCredential.Basic basic:
                SecretKeyFormat.TryParse(basic.Secret, out key);
                credential = CredentialAttempt.ClientCredential(basic.ClientId);
                namedClientId = basic.ClientId;
                break;
            case PresentedScimCredential.Bearer bearer when SecretKeyFormat.TryParse(bearer.Token, out key):
                credential = CredentialAttempt.KeyCredential(key.KeyId);
                break;
            default:
                // Access tokens (and junk) are checked by signature in microseconds: nothing to protect, so not counted.
                return null;
        }

        var stored = key is null ? null : await state.FindSecretAsync(key.KeyId, cancellationToken);
        if (key is not null && stored is not null && await IsRecentlyVerifiedAsync(key, stored, namedClientId, cancellationToken))
        {
            return null;
        }

        var knownClientId = namedClientId is not null
            ? (OAuthClientIds.IsWellFormed(namedClientId) ? namedClientId : null)
            : stored?.ClientId;
        return new CredentialAttempt(CredentialSurface.Scim, ClientAddress.Of(context), credential, knownClientId);
    }

    /// <summary>
    /// True when the authenticator will accept this key from its verified-secret cache without hashing: the same
    /// conditions it checks (a match of the record's current hash, a live client of the key's organization and
    /// environment, the Basic client id if one was named). Anything else may run BCrypt, even a dummy one.
    /// </summary>
    private async Task<bool> IsRecentlyVerifiedAsync(SecretKey key, ClientSecret stored, string? namedClientId, CancellationToken cancellationToken)
    {
        if (!verifiedSecrets.IsKnownMatch(key.Value, stored))
        {
            return false;
        }

        var client = await state.FindClientAsync(stored.ClientId, cancellationToken);
        return client is not null
            && client.OrganizationId == stored.OrganizationId
            && client.Environment == key.Environment
            && (namedClientId is null || namedClientId == client.ClientId);
    }
}
