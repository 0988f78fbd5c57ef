using System.Text.Json.Nodes;
using AutoRfpHex.Adapters.Http.Logging;
using AutoRfpHex.Core.Scim.Service;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AutoRfpHex.Adapters.Http.Scim;

/// <summary>
/// SCIM bodies are rendered by Core as JSON (projection decides which keys exist), so actions return them as they are
/// rather than through the generated DTOs, which would turn absent attributes into nulls.
/// </summary>
public static class ScimResults
{
    public static ObjectResult Resource(HttpResponse response, ScimResourceResponse resource, int status = StatusCodes.Status200OK)
    {
        response.Headers.ETag = resource.ETag;
        ProvisioningChangeItem.Set(response.HttpContext, resource.Change);
        if (status == StatusCodes.Status201Created)
        {
            response.Headers.Location = resource.Location;
            response.HttpContext.Items[ScimResourceIdItem.Key] = new ScimResourceIdItem(resource.Id);
        }

        return Json(resource.Body, status);
    }

    public static ObjectResult Json(JsonObject body, int status = StatusCodes.Status200OK) =>
        new(body) { StatusCode = status, ContentTypes = { ScimMediaTypes.ScimJson } };

    /// <summary>RFC 7232 §3.2: If-None-Match on a GET answers 304 when the client already holds this version.</summary>
    public static bool ClientHasCurrentVersion(string? ifNoneMatch, string etag) =>
        ifNoneMatch is not null && ifNoneMatch.Split(',').Select(t => t.Trim()).Any(t => t == "*" || Opaque(t) == Opaque(etag));

    private static string Opaque(string etag) => etag.StartsWith("W/", StringComparison.Ordinal) ? etag[2..] : etag;
}
