using AutoRfpHex.Adapters.Http.Errors;
using AutoRfpHex.Core.ProvisioningLog;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoRfpHex.Adapters.Http.Logging;

/// <summary>
/// Records every SCIM call whose caller could be identified in the provisioning log: time, client, impersonated user,
/// operation, resource, outcome and error detail. Never a credential or a request body.
/// </summary>
public sealed class ProvisioningLogMiddleware(RequestDelegate next, IProvisioningLog log, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (ApiSurfaces.Of(context.Request) != ApiSurface.Scim)
        {
            await next(context);
            return;
        }

        var started = clock.GetUtcNow();
        await next(context);
        if (context.Items[ScimCaller.Key] is not ScimCaller caller)
        {
            return;
        }

        var status = context.Response.StatusCode;
        var (resourceType, resourceId) = Resource(context);
        var detail = status >= 400 ? (context.Items[ErrorDetailItem.Key] as ErrorDetailItem)?.Detail : null;
        await log.AppendAsync(
            new ProvisioningEvent(
                Guid.NewGuid().ToString("N"),
                started,
                caller.OrganizationId,
                caller.Environment,
                caller.ClientId,
                caller.ImpersonatedUserId,
                Operation(context),
                resourceType,
                resourceId,
                status < 400 ? ProvisioningOutcome.Success : ProvisioningOutcome.Failure,
                status,
                detail),
            CancellationToken.None);
    }

    /// <summary>"PATCH /Groups/{id}": the method and the route template relative to the SCIM base, so events group well.</summary>
    private static string Operation(HttpContext context)
    {
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
        var segments = (context.Request.Path.Value ?? string.Empty)[ApiSurfaces.ScimPrefix.Length..]
            .Split('/', StringSplitOptions.RemoveEmptyEntries);
        var type = segments.Length == 0 ? null
            : segments[0].Equals("Users", StringComparison.OrdinalIgnoreCase) ? "User"
            : segments[0].Equals("Groups", StringComparison.OrdinalIgnoreCase) ? "Group"
            : null;
        var id = segments.Length > 1 ? Uri.UnescapeDataString(segments[1]) : (context.Items[ScimResourceIdItem.Key] as ScimResourceIdItem)?.Id;
        return (type, id);
    }
}
