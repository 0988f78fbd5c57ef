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

    public static IEnumerable<JsonObject> Bodies(ScimCallContext context, IEnumerable<ScimResourceRecord> records, AttributeProjection projection) =>
        records.Select(record => Body(context, record, projection));

    /// <summary>The refusal that names the three ways to read a huge group's members.</summary>
    public static ScimException TooManyMembers(string groupId, int? limit) => ScimException.BadRequest(
        ScimErrorTypes.TooMany,
        $"Group '{groupId}' has more than {limit} members, more than one response shows. Read it with excludedAttributes=members, "
        + $"page its members with membersStartIndex and membersCount (GET /Groups/{groupId}?membersStartIndex=1&membersCount={Math.Min(limit ?? 1000, 1000)}), "
        + $"or list its user members with GET /Users?filter=groups.value eq \"{groupId}\".");

    public static ScimResourceResponse Response(ScimCallContext context, ScimResourceRecord record, AttributeProjection projection) =>
        new(Body(context, record, projection), record.Id, EntityTag.Format(record.Version), ScimResourceRenderer.Location(context, record.Type, record.Id));
}
