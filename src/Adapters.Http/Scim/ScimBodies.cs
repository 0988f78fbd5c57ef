using System.Text.Json.Nodes;

namespace AutoRfpHex.Adapters.Http.Scim;

/// <summary>The current SCIM request's body as sent (read by <see cref="ScimJsonBodyAttribute"/>).</summary>
public sealed class ScimBodies(Microsoft.AspNetCore.Http.IHttpContextAccessor accessor)
{
    public JsonObject Current() =>
        ScimJsonBodyAttribute.Of(accessor.HttpContext ?? throw new InvalidOperationException("No current HTTP request."));
}
