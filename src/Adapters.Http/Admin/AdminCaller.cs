using Microsoft.AspNetCore.Http;

namespace AutoRfpHex.Adapters.Http.Admin;

/// <summary>The organization an admin request acts on: always the token's, never a path or body value.</summary>
public sealed class AdminCaller(IHttpContextAccessor accessor)
{
    public const string OrganizationClaim = "org";

    public HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("No current HTTP request.");

    public string OrganizationId =>
        Http.User.FindFirst(OrganizationClaim)?.Value
        ?? throw new InvalidOperationException("An authenticated admin token without an organization claim reached an admin endpoint.");
}
