using System.Text.Json;
using AutoRfpHex.Adapters.Http.OAuth.Generated;
using AutoRfpHex.Core.Credentials.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AutoRfpHex.Adapters.Http.OAuth;

/// <summary>RFC 8414 metadata and the RFC 7517 key set, so clients and resource servers can find and verify our tokens.</summary>
public sealed class OAuthMetadataHandler(IAccessTokenIssuer issuer, PublicUrls urls, IHttpContextAccessor accessor) : IOAuthMetadataController
{
    public Task<ActionResult<AuthorizationServerMetadata>> GetAuthorizationServerMetadataAsync(CancellationToken cancellationToken = default)
    {
        var request = Request;
        return Task.FromResult<ActionResult<AuthorizationServerMetadata>>(new AuthorizationServerMetadata
        {
            Issuer = new Uri(issuer.Issuer),
            Token_endpoint = new Uri(urls.TokenEndpoint(request)),
            Jwks_uri = new Uri(urls.JwksUri(request)),
            Grant_types_supported = ["client_credentials"],
            Token_endpoint_auth_methods_supported = ["client_secret_basic", "client_secret_post"],
            Scopes_supported = ["scim"],
            Response_types_supported = [],
            Service_documentation = new Uri(urls.BaseUrl(request) + "/swagger/index.html"),
        });
    }

    public Task<ActionResult<JwkSet>> GetJsonWebKeySetAsync(CancellationToken cancellationToken = default)
    {
        var keySet = JsonSerializer.Deserialize<JwkSet>(issuer.JsonWebKeySetJson())
            ?? throw new InvalidOperationException("The token issuer produced an empty JWK Set.");
        return Task.FromResult<ActionResult<JwkSet>>(keySet);
    }

    private HttpRequest Request => (accessor.HttpContext ?? throw new InvalidOperationException("No current HTTP request.")).Request;
}
