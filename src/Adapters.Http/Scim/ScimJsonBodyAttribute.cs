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
public sealed class ScimJsonBodyAttribute : Attribute, IAsyncResourceFilter, IAsyncActionFilter
{
    private static readonly object BodyKey = new();
    // Duplicate keys are refused while parsing: JsonObject would otherwise throw on first access, deep inside Core.
    private static readonly JsonDocumentOptions Parsing = new() { MaxDepth = 64, AllowDuplicateProperties = false };

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

    /// <summary>
    /// Query parameters still bind to the generated action's typed parameters; one that does not convert
    /// (<c>startIndex=first</c>) is refused rather than silently ignored.
    /// </summary>
    public Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var bad = context.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 } && !e.Key.StartsWith("body", StringComparison.OrdinalIgnoreCase) && !e.Key.StartsWith('$'))
            .Select(e => e.Key)
            .FirstOrDefault();
        if (bad is not null)
        {
            throw ScimException.BadRequest(ScimErrorTypes.InvalidValue, $"Query parameter '{bad}' has a value of the wrong type.");
        }

        return next();
    }

    private static async Task<JsonObject> ReadAsync(HttpRequest request)
    {
        if (!IsJson(request.ContentType))
        {
            throw new ScimException(
                StatusCodes.Status415UnsupportedMediaType,
                ScimErrorTypes.InvalidSyntax,
                Errors.StatusCodeBodies.UnsupportedContentType(request));
        }

        JsonNode? node;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, Parsing, request.HttpContext.RequestAborted);
            EnsureStringsAreText(document.RootElement);
            node = document.RootElement.ValueKind == JsonValueKind.Object ? JsonObject.Create(document.RootElement.Clone()) : null;
        }
        catch (JsonException ex)
        {
            throw ScimException.BadRequest(ScimErrorTypes.InvalidSyntax, $"The request body is not valid JSON: {ex.Message}");
        }

        return node as JsonObject
            ?? throw ScimException.BadRequest(ScimErrorTypes.InvalidSyntax, "The request body must be a JSON object.");
    }

    /// <summary>
    /// The parser accepts escapes such as a lone <c>\ud800</c>, which no text can hold; reading such a string throws
    /// later, deep in Core. Every key and string is read once here instead, so the client gets a 400.
    /// </summary>
    private static void EnsureStringsAreText(JsonElement element)
    {
        try
        {
            ReadEveryString(element);
        }
        catch (InvalidOperationException ex)
        {
            throw ScimException.BadRequest(ScimErrorTypes.InvalidSyntax, $"The request body holds a string that is not valid Unicode text: {ex.Message}");
        }
    }

    private static void ReadEveryString(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    ReadEveryString(item);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    ReadEveryString(property.Value);
                }

                break;
        }
    }

    /// <summary>RFC 8259 §8.1: JSON between systems is UTF-8; a body declared in another charset is refused, not misread.</summary>
    private static bool IsJson(string? contentType) =>
        contentType is not null
        && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/scim+json", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        && IsUtf8(Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(media.Charset));

    private static bool IsUtf8(Microsoft.Extensions.Primitives.StringSegment charset) =>
        !charset.HasValue || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
}
