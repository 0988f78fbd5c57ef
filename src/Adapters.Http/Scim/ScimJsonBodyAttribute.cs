using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AutoRfpHex.Adapters.Http.Scim;

/// <summary>
/// Reads a SCIM request body as JSON exactly as sent and hands that to Core, before MVC binds the generated DTO.
/// Identity providers send what a typed model rejects or loses ("active": "False", a bare-string manager, a single
/// object for a multi-valued attribute, "value": null in PATCH); Core's schema-driven validation owns those rules,
/// so the DTOs serve the contract and the generated client only.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ScimJsonBodyAttribute : Attribute, IAsyncResourceFilter
{
    private static readonly object BodyKey = new();
    private static readonly JsonDocumentOptions Parsing = new() { MaxDepth = 64 };

    public static JsonObject Of(HttpContext context) =>
        context.Items[BodyKey] as JsonObject ?? throw new InvalidOperationException("The SCIM request body was not read.");

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
        {
            context.HttpContext.Items[BodyKey] = await ReadAsync(request);
        }

        await next();
    }

    private static async Task<JsonObject> ReadAsync(HttpRequest request)
    {
        if (!IsJson(request.ContentType))
        {
            throw new ScimException(
                StatusCodes.Status415UnsupportedMediaType,
                ScimErrorTypes.InvalidSyntax,
                $"Content-Type '{request.ContentType}' is not supported; send application/scim+json or application/json.");
        }

        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, documentOptions: Parsing, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException ex)
        {
            throw ScimException.BadRequest(ScimErrorTypes.InvalidSyntax, $"The request body is not valid JSON: {ex.Message}");
        }

        return node as JsonObject
            ?? throw ScimException.BadRequest(ScimErrorTypes.InvalidSyntax, "The request body must be a JSON object.");
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/scim+json", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
}
