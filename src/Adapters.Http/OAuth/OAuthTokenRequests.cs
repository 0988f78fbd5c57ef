using AutoRfpHex.Core.Credentials.OAuth;
using Microsoft.AspNetCore.Http;

namespace AutoRfpHex.Adapters.Http.OAuth;

/// <summary>HTTP-level rules of the token endpoint (RFC 6749 §2.3.1, §3.2, §5.1).</summary>
public static class OAuthTokenRequests
{
    private static readonly string[] QueryParameters = ["client_secret", "client_id", "grant_type", "scope"];

    public static void EnsureWellFormed(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            throw OAuthException.InvalidRequest("The token request must be sent as application/x-www-form-urlencoded.");
        }

        // Credentials in a URL end up in logs and browser histories (RFC 6749 §2.3.1), and the generated action would
        // otherwise bind query values the rate limiter (which reads the form) never counted: parameters go in the body only.
        if (QueryParameters.FirstOrDefault(request.Query.ContainsKey) is { } name)
        {
            throw OAuthException.InvalidRequest($"{name} must be sent in the form body, not in the query string.");
        }
    }

    public static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
    }
}
