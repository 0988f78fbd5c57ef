using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Rendering;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Scim.Service;

/// <summary>A stored record as the client asked to see it.</summary>
internal static class ResourcePresenter
{
    /// <exception cref="ScimException">400 <c>tooMany</c> when the group has more members than the projection's limit.</exception>
    public static JsonObject Body(ScimCallContext context, ScimResourceRecord record, AttributeProjection projection)
    {
        if (record.MembersOverLimit)
        {
            throw TooManyMembers(record.Id, projection.MemberLimit);
        }

        var load = projection.LoadOptions;
        return projection.Apply(ScimResourceRenderer.Render(context, record, load.IncludeMembers, load.IncludeGroups));
    }

    /// <summary>The bodies of a list page; the member limit holds for the page's groups together.</summary>
    /// <exception cref="ScimException">400 <c>tooMany</c> when the page's groups have more members together than the limit.</exception>
    public static IEnumerable<JsonObject> Bodies(ScimCallContext context, IEnumerable<ScimResourceRecord> records, AttributeProjection projection)
    {
        var page = records.ToList();
        if (page.Any(record => record.MembersOverLimit))
        {
            throw ScimException.BadRequest(
                ScimErrorTypes.TooMany,
                $"The groups of this page have more than {projection.MemberLimit} members together, more than one response shows. "
                + "List groups with excludedAttributes=members, or ask for a smaller count; page a large group's members with "
                + "GET /Groups/{id}?membersStartIndex=1&membersCount=1000.");
        }

        return page.Select(record => Body(context, record, projection)).ToList();
    }

    /// <summary>The refusal that names the three ways to read a huge group's members.</summary>
    public static ScimException TooManyMembers(string groupId, int? limit) => ScimException.BadRequest(
        ScimErrorTypes.TooMany,
        $"Group '{groupId}' has more than {limit} members, more than one response shows. Read it with excludedAttributes=members, "
        + $"page its members with membersStartIndex and membersCount (GET /Groups/{groupId}?membersStartIndex=1&membersCount={Math.Min(limit ?? 1000, 1000)}), "
        + $"or list its user members with GET /Users?filter=groups.value eq \"{groupId}\".");

    /// <summary>A write applied but whose answer would show too many members: concurrent requests added members in between.</summary>
    public static ScimResourceResponse Response(ScimCallContext context, ScimResourceRecord record, AttributeProjection projection) =>
        new(Body(context, record, projection), record.Id, EntityTag.Format(record.Version), ScimResourceRenderer.Location(context, record.Type, record.Id));
}
