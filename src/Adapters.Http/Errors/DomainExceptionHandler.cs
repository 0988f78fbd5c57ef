using AutoRfpHex.Core.Common;
using AutoRfpHex.Core.Scim;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AutoRfpHex.Adapters.Http.Errors;

/// <summary>
/// The one place where exceptions become HTTP errors. Refusals from Core keep their status and detail; anything
/// unexpected is a 500 in the caller's error format, logged, with no internals in the body.
/// </summary>
public sealed partial class DomainExceptionHandler(ILogger<DomainExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail, scimType) = Describe(exception);
        if (status >= 500)
        {
            LogUnexpected(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
        }

        httpContext.Items[ErrorDetailItem.Key] = new ErrorDetailItem(detail);
        await ErrorResponseWriter.WriteAsync(httpContext, status, detail, scimType);
        return true;
    }

    private static (int Status, string Detail, string? ScimType) Describe(Exception exception) => exception switch
    {
        ScimException scim => (scim.Status, scim.Detail, scim.ScimType),
        RequestRejectedException rejected => (StatusOf(rejected.Kind), rejected.Detail, null),
        BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
            (413, "The request body is larger than this server accepts.", "tooLarge"),
        BadHttpRequestException bad => (bad.StatusCode, bad.Message, ScimErrorTypes.InvalidSyntax),
        _ => (500, "An unexpected error occurred; it has been logged.", null),
    };

    private static int StatusOf(RejectionKind kind) => kind switch
    {
        RejectionKind.Invalid => 400,
        RejectionKind.NotFound => 404,
        RejectionKind.Conflict => 409,
        RejectionKind.Forbidden => 403,
        _ => 400,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, string method, string path, Exception exception);
}
