using AutoRfpHex.Adapters.Http.OAuth.Generated;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using CoreTokenRequest = AutoRfpHex.Core.Credentials.OAuth.TokenRequest;
using CoreTokenService = AutoRfpHex.Core.Credentials.OAuth.TokenService;

namespace AutoRfpHex.Adapters.Http.OAuth;

/// <summary>RFC 6749 §4.4 client credentials: the form and the Authorization header go to Core unvalidated.</summary>
public sealed class OAuthTokenHandler(CoreTokenService tokens, IHttpContextAccessor accessor) : IOAuthTokenController
{
    public async Task<ActionResult<TokenResponse>> RequestTokenAsync(string? grant_type, string? client_id, string? client_secret, string? scope, CancellationToken cancellationToken = default)
    {
        var http = accessor.HttpContext ?? throw new InvalidOperationException("No current HTTP request.");
        OAuthTokenRequests.EnsureWellFormed(http.Request);
        var issued = await tokens.IssueAsync(
            new CoreTokenRequest(grant_type, scope, http.Request.Headers.Authorization, client_id, client_secret),
            cancellationToken);
        http.Items[Logging.ProvisioningCaller.Key] = Logging.ProvisioningCallers.Of(issued.Client);
        OAuthTokenRequests.NoStore(http.Response);
        return new TokenResponse
        {
            Access_token = issued.AccessToken,
            Token_type = issued.TokenType,
            Expires_in = issued.ExpiresIn,
            Scope = issued.Scope,
        };
    }
}
