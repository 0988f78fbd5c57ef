using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Service;

/// <summary>
/// AutoRFP extension: one page of a group's members on <c>GET /Groups/{id}</c> (<c>membersStartIndex</c>,
/// <c>membersCount</c>), for groups too large to show whole. Members come in member id order (ordinal), so pages are
/// stable while the group does not change. <c>membersStartIndex</c> is 1-based (below 1 counts as 1; past the end gives
/// no members); <c>membersCount</c> defaults to <see cref="ScimServiceLimits.DefaultPageSize"/>, below 0 counts as 0
/// (only the total) and is lowered to <see cref="ScimServiceLimits.MaxMembersPerResponse"/>. The response carries the
/// page's facts under <see cref="ScimSchemaUris.MemberPage"/>, as a ListResponse does for resources.
/// </summary>
public sealed record MemberPageRequest(int? StartIndex, int? Count)
{
    /// <returns>Null when the client asked for no paging (neither parameter given).</returns>
    public static MemberPageRequest? FromQuery(int? startIndex, int? count) =>
        startIndex is null && count is null ? null : new(startIndex, count);

    internal (int StartIndex, MemberWindow Window) Resolve(ScimServiceLimits limits)
    {
        var startIndex = Math.Max(1, StartIndex ?? 1);
        return (startIndex, new MemberWindow(startIndex - 1, Math.Clamp(Count ?? limits.DefaultPageSize, 0, limits.MaxMembersPerResponse)));
    }

    /// <summary>Adds the page's facts and, as RFC 7643 §3 asks of every attribute namespace present, its URI to <c>schemas</c>.</summary>
    internal static void Describe(JsonObject body, int startIndex, ScimResourceRecord group)
    {
        body[ScimSchemaUris.MemberPage] = new JsonObject
        {
            ["startIndex"] = startIndex,
            ["itemsPerPage"] = group.Members.Count,
            ["totalResults"] = group.MemberTotal ?? throw new InvalidOperationException("The store read a member window without the member total."),
        };
        if (body["schemas"] is JsonArray schemas && !schemas.Any(s => s?.GetValue<string>() == ScimSchemaUris.MemberPage))
        {
            schemas.Add(ScimSchemaUris.MemberPage);
        }
    }
}
