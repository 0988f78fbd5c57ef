using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace AutoRfpHex.Adapters.Http.Errors;

/// <summary>
/// Gives a body to errors the framework answers without one (unknown route, 405, 415, 406), so a client always
/// gets its API's error format and never an empty or HTML page.
/// </summary>
public static class StatusCodeBodies
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var detail = status switch
        {
            404 => $"No resource or endpoint at '{http.Request.Path}'.",
            405 => $"{http.Request.Method} is not supported on '{http.Request.Path}'.",
            415 => UnsupportedContentType(http.Request),
            406 => "The Accept header asks for a format this endpoint cannot produce.",
            401 => "A valid admin bearer token is required: one printed at first start or by the admin-token command, or one from the trusted issuer.",
            403 => "This token may not use the admin API: its user must be an active Admin of the organization.",
            _ => ReasonPhrases.GetReasonPhrase(status),
        };
        string? scimType = status is 415 or 406 ? Core.Scim.ScimErrorTypes.InvalidSyntax : null;
        http.Items[ErrorDetailItem.Key] = new ErrorDetailItem(detail);
        return ErrorResponseWriter.WriteAsync(http, status, detail, scimType);
    }

    public static string UnsupportedContentType(HttpRequest request) =>
        $"Content-Type '{request.ContentType}' is not supported; send {AcceptedBodyTypes(request)}.";

    private static string AcceptedBodyTypes(HttpRequest request) => ApiSurfaces.Of(request) switch
    {
        ApiSurface.Scim => "application/scim+json or application/json",
        ApiSurface.OAuth => "application/x-www-form-urlencoded",
        _ => "application/json",
    };
}
