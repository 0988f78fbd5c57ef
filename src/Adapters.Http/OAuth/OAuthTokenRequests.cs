using AutoRfpHex.Core.Credentials.OAuth;
using Microsoft.AspNetCore.Http;

namespace AutoRfpHex.Adapters.Http.OAuth;

/// <summary>HTTP-level rules of the token endpoint (RFC 6749 §2.3.1, §3.2, §5.1).</summary>
public static class OAuthTokenRequests
{
    public static void EnsureWellFormed(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            throw OAuthException.InvalidRequest("The token request must be sent as application/x-www-form-urlencoded.");
        }

        // Credentials in a URL end up in logs and browser histories: RFC 6749 §2.3.1 forbids it.
        if (request.Query.ContainsKey("client_secret"))
        {
            throw OAuthException.InvalidRequest("client_secret must not be sent in the query string.");
        }
    }

    public static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
    }
}
