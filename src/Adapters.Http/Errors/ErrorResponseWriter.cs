using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.Adapters.Http.Scim;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AutoRfpHex.Adapters.Http.Errors;

/// <summary>Writes an error in the format of the API that was called: RFC 7644 §3.12, RFC 9457 or RFC 6749 §5.2.</summary>
public static class ErrorResponseWriter
{
    public static Task WriteAsync(HttpContext context, int status, string detail, string? scimType = null, string? oauthError = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        return ApiSurfaces.Of(context.Request) switch
        {
            ApiSurface.Scim => WriteJsonAsync(response, ScimError(status, scimType, detail), ScimMediaTypes.ScimJson),
            ApiSurface.OAuth => WriteJsonAsync(response, OAuthError(oauthError ?? OAuthErrorFor(status), detail), "application/json"),
            _ => response.WriteAsJsonAsync(Problem(context, status, detail), (JsonSerializerOptions?)null, "application/problem+json"),
        };
    }

    public static JsonObject ScimError(int status, string? scimType, string detail) => Core.Scim.ScimErrorBody.Create(status, scimType, detail);

    public static JsonObject OAuthError(string error, string description) =>
        new() { ["error"] = error, ["error_description"] = description };

    public static ProblemDetails Problem(HttpContext context, int status, string detail) => new()
    {
        Status = status,
        Title = ReasonPhrases.GetReasonPhrase(status),
        Type = "about:blank",
        Detail = detail,
        Instance = context.Request.Path,
    };

    private static string OAuthErrorFor(int status) => status switch
    {
        401 => "invalid_client",
        >= 500 => "server_error",
        _ => "invalid_request",
    };

    private static Task WriteJsonAsync(HttpResponse response, JsonObject body, string contentType)
    {
        response.ContentType = contentType;
        return response.WriteAsync(body.ToJsonString(JsonWire.Options));
    }
}
