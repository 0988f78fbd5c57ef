using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Scim.Service;

/// <summary>Who a SCIM call works for and where its resources live on the wire.</summary>
/// <param name="BaseUrl">The SCIM root, e.g. <c>http://127.0.0.1:5080/scim/v2</c>; used for <c>meta.location</c> and <c>$ref</c>.</param>
public sealed record ScimCallContext(Tenant Tenant, string BaseUrl)
{
    internal string ResourceUrl(string endpoint, string id) => $"{BaseUrl.TrimEnd('/')}/{endpoint}/{Uri.EscapeDataString(id)}";
}
