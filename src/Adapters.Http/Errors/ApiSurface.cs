using Microsoft.AspNetCore.Http;

namespace AutoRfpHex.Adapters.Http.Errors;

/// <summary>The three HTTP APIs answer errors in three formats; the request path says which one applies.</summary>
public enum ApiSurface
{
    Scim,
    Admin,
    OAuth,
    Other,
}

public static class ApiSurfaces
{
    public const string ScimPrefix = "/scim/v2";
    public const string AdminPrefix = "/api/v1";
    public const string TokenPath = "/oauth/token";

    public static ApiSurface Of(HttpRequest request)
    {
        var path = request.Path;
        if (path.StartsWithSegments(ScimPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return ApiSurface.Scim;
        }

        if (path.StartsWithSegments(AdminPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return ApiSurface.Admin;
        }

        return path.StartsWithSegments("/oauth", StringComparison.OrdinalIgnoreCase) ? ApiSurface.OAuth : ApiSurface.Other;
    }
}
