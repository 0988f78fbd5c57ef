using AutoRfpHex.Adapters.Http.Errors;
using Microsoft.AspNetCore.Http;

namespace AutoRfpHex.Adapters.Http;

/// <summary>
/// The addresses an admin pastes into an identity provider. Configured (<c>Service:PublicBaseUrl</c>) behind a proxy;
/// otherwise derived from the request.
/// </summary>
public sealed class PublicUrls(string? configuredBaseUrl)
{
    public string BaseUrl(HttpRequest request) =>
        string.IsNullOrWhiteSpace(configuredBaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : configuredBaseUrl.TrimEnd('/');

    public string ScimBaseUrl(HttpRequest request) => BaseUrl(request) + ApiSurfaces.ScimPrefix;

    public string TokenEndpoint(HttpRequest request) => BaseUrl(request) + "/oauth/token";

    public string JwksUri(HttpRequest request) => BaseUrl(request) + "/oauth/jwks";

    public string AuthorizationServerMetadata(HttpRequest request) => BaseUrl(request) + "/.well-known/oauth-authorization-server";

    public Admin.PublicUrlSet For(HttpRequest request) =>
        new(ScimBaseUrl(request), TokenEndpoint(request), AuthorizationServerMetadata(request));
}
