using AutoRfpHex.Adapters.Http.Errors;
using AutoRfpHex.Core.ProvisioningLog;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace AutoRfpHex.Adapters.Http.Logging;

/// <summary>
/// Records every SCIM call and token request whose caller could be identified in the provisioning log: time, client, impersonated user,
/// operation, resource, outcome and error detail. Never a credential or a request body.
/// </summary>
public sealed partial class ProvisioningLogMiddleware(RequestDelegate next, IProvisioningLog log, TimeProvider clock, ILogger<ProvisioningLogMiddleware> logger)
{
    private const string SearchSegment = ".search";
    private static readonly object OperationKey = new();

    /// <summary>
    /// Runs after routing: remembers the matched route template, which the exception handler would otherwise clear
    /// before this middleware (outermost, so it sees the final status) gets to read it.
    /// </summary>
    public static Task CaptureOperationAsync(HttpContext context, RequestDelegate next)
    {
        context.Items[OperationKey] = Operation(context);
        return next(context);
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsLogged(context.Request))
        {
            await next(context);
            return;
        }

        var started = clock.GetUtcNow();
        await next(context);
        if (context.Items[ProvisioningCaller.Key] is not ProvisioningCaller caller)
        {
            return;
        }

        var status = context.Response.StatusCode;
        var (resourceType, resourceId) = Resource(context);
        var detail = status >= 400 ? (context.Items[ErrorDetailItem.Key] as ErrorDetailItem)?.Detail : null;
        var provisioningEvent = new ProvisioningEvent(
            Guid.NewGuid().ToString("N"),
            started,
            caller.OrganizationId,
            caller.Environment,
            caller.ClientId,
            caller.ImpersonatedUserId,
            context.Items[OperationKey] as string ?? Operation(context),
            resourceType,
            resourceId,
            status < 400 ? ProvisioningOutcome.Success : ProvisioningOutcome.Failure,
            status,
            detail,
            status < 400 ? ProvisioningChangeItem.Of(context) : null);
        try
        {
            await log.AppendAsync(provisioningEvent, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The call itself succeeded or failed on its own; a log write failure must not change its answer.
            LogWriteFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write a provisioning log event")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception);

    /// <summary>SCIM calls and token requests: what an admin needs to answer "why is sync not working".</summary>
    private static bool IsLogged(HttpRequest request) =>
        ApiSurfaces.Of(request) == ApiSurface.Scim || request.Path.StartsWithSegments(ApiSurfaces.TokenPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>"PATCH /Groups/{id}" (or "token" for a token request): the method and the route template relative to the SCIM base, so events group well.</summary>
    private static string Operation(HttpContext context)
    {
        if (ApiSurfaces.Of(context.Request) != ApiSurface.Scim)
        {
            return "token";
        }

        var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var path = template is null
            ? context.Request.Path.Value ?? string.Empty
            : "/" + template.TrimStart('/');
        if (path.StartsWith(ApiSurfaces.ScimPrefix, StringComparison.OrdinalIgnoreCase))
        {
            path = path[ApiSurfaces.ScimPrefix.Length..];
        }

        return $"{context.Request.Method} {(path.Length == 0 ? "/" : path)}";
    }

    private static (string? Type, string? Id) Resource(HttpContext context)
    {
        if (ApiSurfaces.Of(context.Request) != ApiSurface.Scim)
        {
            return (null, null);
        }

        var segments = (context.Request.Path.Value ?? string.Empty)[ApiSurfaces.ScimPrefix.Length..]
            .Split('/', StringSplitOptions.RemoveEmptyEntries);
        var type = segments.Length == 0 ? null
            : segments[0].Equals("Users", StringComparison.OrdinalIgnoreCase) ? "User"
            : segments[0].Equals("Groups", StringComparison.OrdinalIgnoreCase) ? "Group"
            : null;
        // "/Users/.search" (RFC 7644 §3.4.3) is a query of the type, not a resource with the id ".search".
        var id = segments.Length > 1 && segments[1] != SearchSegment
            ? Uri.UnescapeDataString(segments[1])
            : (context.Items[ScimResourceIdItem.Key] as ScimResourceIdItem)?.Id;
        return (type, id);
    }
}
