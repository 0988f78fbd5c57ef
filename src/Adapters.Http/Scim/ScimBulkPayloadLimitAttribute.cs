using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Service;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRfpHex.Adapters.Http.Scim;

/// <summary>
/// RFC 7644 §3.7.4: a BulkRequest body may be as large as <see cref="ScimServiceLimits.BulkMaxPayloadBytes"/>, the
/// <c>bulk.maxPayloadSize</c> that <c>/ServiceProviderConfig</c> advertises, in place of the general request body limit
/// (<c>Service:MaxRequestBodyBytes</c>). A larger body is 413 <c>tooLarge</c> before anything runs: at once when
/// Content-Length says so, else as soon as reading passes the limit. Runs before <see cref="ScimJsonBodyAttribute"/> reads the body.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ScimBulkPayloadLimitAttribute : Attribute, IResourceFilter, IOrderedFilter
{
    public int Order => -1;

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var http = context.HttpContext;
        var limit = http.RequestServices.GetRequiredService<ScimServiceLimits>().BulkMaxPayloadBytes;
        if (http.Request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        // The server's own limit is set to the same figure, so neither a smaller general limit cuts a valid bulk short
        // nor a larger one lets an oversized bulk be read in full.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            serverLimit.MaxRequestBodySize = limit;
        }

        http.Request.Body = new BoundedRequestBody(http.Request.Body, limit);
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }

    internal static ScimException TooLarge(long limit) => new(
        StatusCodes.Status413PayloadTooLarge,
        ScimErrorTypes.TooLarge,
        $"The BulkRequest body is larger than {limit} bytes (bulk.maxPayloadSize). Split it into smaller requests.");
}
