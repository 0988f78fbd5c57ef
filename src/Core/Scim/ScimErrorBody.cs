using System.Globalization;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim;

/// <summary>
/// The RFC 7644 §3.12 error body: the HTTP edge writes it for a refused request, and a bulk response carries it in the
/// <c>response</c> of each failed operation (§3.7.3), so both spell errors the same way.
/// </summary>
public static class ScimErrorBody
{
    public static JsonObject Create(int status, string? scimType, string detail)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemaUris.Error),
            ["status"] = status.ToString(CultureInfo.InvariantCulture),
        };
        if (scimType is not null)
        {
            body["scimType"] = scimType;
        }

        body["detail"] = detail;
        return body;
    }

    public static JsonObject Of(ScimException refusal) => Create(refusal.Status, refusal.ScimType, refusal.Detail);
}
