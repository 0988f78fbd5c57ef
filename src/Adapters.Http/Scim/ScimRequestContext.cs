using AutoRfpHex.Adapters.Http.Authentication;
using AutoRfpHex.Core.Scim.Service;
using Microsoft.AspNetCore.Http;

namespace AutoRfpHex.Adapters.Http.Scim;

/// <summary>Turns the authenticated SCIM request into the Core call context: the caller's tenant and the public SCIM base URL.</summary>
public sealed class ScimRequestContext(IHttpContextAccessor accessor, PublicUrls urls)
{
    public HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("No current HTTP request.");

    public ScimCallContext Call()
    {
        var principal = ScimAuthenticationHandler.PrincipalOf(Http)
            ?? throw new InvalidOperationException("SCIM endpoint reached without an authenticated SCIM principal.");
        return new ScimCallContext(principal.Tenant, urls.ScimBaseUrl(Http.Request));
    }
}
