namespace AutoRfpHex.Core.Credentials.OAuth;

/// <summary>The checks of a token request that need no store: grant type, where the credentials are, scope.</summary>
internal static class TokenRequestValidation
{
    public const string ClientCredentialsGrant = "client_credentials";
    public const string ScimScope = "scim";

    public static void RequireClientCredentialsGrant(string? grantType)
    {
        if (string.IsNullOrWhiteSpace(grantType))
        {
            throw OAuthException.InvalidRequest("The grant_type parameter is required; use grant_type=client_credentials.");
        }

        if (!string.Equals(grantType, ClientCredentialsGrant, StringComparison.Ordinal))
        {
            throw new OAuthException(
                OAuthErrors.UnsupportedGrantType,
                $"The grant type '{Shorten(grantType)}' is not supported; only client_credentials is.",
                400);
        }
    }

    /// <summary>
    /// client_secret_basic or client_secret_post. RFC 6749 §2.3 allows one method per request, but Entra's "Both"
    /// sends the same pair in the header and the body: identical copies are accepted, differing ones refused.
    /// </summary>
    public static ClientCredentials PresentedCredentials(TokenRequest request)
    {
        var bodyId = NullIfBlank(request.ClientId);
        var bodySecret = NullIfBlank(request.ClientSecret);
        if (!string.IsNullOrWhiteSpace(request.AuthorizationHeader))
        {
            if (!ClientCredentials.TryParseBasic(request.AuthorizationHeader, formUrlEncoded: true, out var basic))
            {
                throw new OAuthException(
                    OAuthErrors.InvalidClient,
                    "The Authorization header must be HTTP Basic with the client id and secret key (client_secret_basic).",
                    401);
            }

            if ((bodyId is not null && bodyId != basic.ClientId) || (bodySecret is not null && bodySecret != basic.Secret))
            {
                throw OAuthException.InvalidRequest(
                    "The client credentials were sent both in the Authorization header and in the request body, and the two differ; send them once.");
            }

            return basic;
        }

        if (bodyId is null || bodySecret is null)
        {
            throw new OAuthException(
                OAuthErrors.InvalidClient,
                "Client authentication is required: send the client id and secret key with HTTP Basic (client_secret_basic) "
                + "or as the client_id and client_secret form fields (client_secret_post).",
                401);
        }

        return new ClientCredentials(bodyId, bodySecret);
    }

    /// <summary>The only scope is <c>scim</c>, also the default when none is asked for.</summary>
    public static string GrantedScope(string? requested)
    {
        var unknown = (requested ?? string.Empty)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(scope => scope != ScimScope);
        return unknown is null
            ? ScimScope
            : throw new OAuthException(OAuthErrors.InvalidScope, $"The scope '{Shorten(unknown)}' is unknown; the only scope is 'scim'.", 400);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
