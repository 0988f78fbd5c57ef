using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim;
using Microsoft.Extensions.Options;

namespace AutoRfpHex.Adapters.Http.Scim;

/// <summary>
/// Hands request bodies to Core as JSON. The generated DTOs keep unknown attributes in their extension data, so the
/// round trip loses nothing Core needs to see (schema URNs, unknown attributes, dotted PATCH keys).
/// </summary>
public sealed class ScimBodies(IOptions<Microsoft.AspNetCore.Mvc.JsonOptions> mvcJson)
{
    private readonly JsonSerializerOptions options = mvcJson.Value.JsonSerializerOptions;

    public JsonObject ToJson<T>(T body)
        where T : class =>
        JsonSerializer.SerializeToNode(body, options) as JsonObject
        ?? throw ScimException.BadRequest(ScimErrorTypes.InvalidSyntax, "The request body must be a JSON object.");
}
