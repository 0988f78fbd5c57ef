using AutoRfpHex.Adapters.Http.Logging;
using AutoRfpHex.Core.Common;
using AutoRfpHex.Core.Credentials.OAuth;
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
        if (exception is OAuthException oauth)
        {
            await WriteOAuthErrorAsync(httpContext, oauth);
            return true;
        }

        var (status, detail, scimType) = Describe(exception);
        if (status >= 500)
        {
            LogUnexpected(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
        }

        httpContext.Items[ErrorDetailItem.Key] = new ErrorDetailItem(detail);
        await ErrorResponseWriter.WriteAsync(httpContext, status, detail, scimType);
        return true;
    }

    /// <summary>RFC 6749 §5.2; a failed client authentication also gets a Basic challenge (§5.2, invalid_client).</summary>
    private static Task WriteOAuthErrorAsync(HttpContext httpContext, OAuthException oauth)
    {
        if (oauth.Client is { } client)
        {
            httpContext.Items[ProvisioningCaller.Key] = ProvisioningCallers.Of(client);
        }

        httpContext.Items[ErrorDetailItem.Key] = new ErrorDetailItem(oauth.LogReason ?? oauth.Description);
        if (oauth.HttpStatus == StatusCodes.Status401Unauthorized)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"oauth\", charset=\"UTF-8\"";
        }

        OAuth.OAuthTokenRequests.NoStore(httpContext.Response);
        return ErrorResponseWriter.WriteAsync(httpContext, oauth.HttpStatus, oauth.Description, oauthError: oauth.Error);
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
