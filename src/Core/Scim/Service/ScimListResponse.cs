using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Service;

/// <summary>
/// The RFC 7644 §3.4.2 ListResponse body, one shape for every list and search: <c>totalResults</c> and
/// <c>itemsPerPage</c> always as numbers, the paging members, then <c>Resources</c>, even when empty.
/// </summary>
internal static class ScimListResponse
{
    /// <param name="resources">The page, already rendered as the client asked.</param>
    /// <param name="paging"><c>startIndex</c> on index pages; <c>nextCursor</c>/<c>previousCursor</c> on cursor pages.</param>
    public static JsonObject Create(IEnumerable<JsonObject> resources, int totalResults, IEnumerable<(string Name, JsonNode Value)> paging)
    {
        var page = new JsonArray([.. resources]);
        var list = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemaUris.ListResponse),
            ["totalResults"] = totalResults,
            ["itemsPerPage"] = page.Count,
        };
        foreach (var (name, value) in paging)
        {
            list[name] = value;
        }

        list["Resources"] = page;
        return list;
    }
}
