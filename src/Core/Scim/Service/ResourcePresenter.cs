using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Rendering;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Scim.Service;

/// <summary>A stored record as the client asked to see it.</summary>
internal static class ResourcePresenter
{
    public static JsonObject Body(ScimCallContext context, ScimResourceRecord record, AttributeProjection projection)
    {
        var load = projection.LoadOptions;
        return projection.Apply(ScimResourceRenderer.Render(context, record, load.IncludeMembers, load.IncludeGroups));
    }

    public static IEnumerable<JsonObject> Bodies(ScimCallContext context, IEnumerable<ScimResourceRecord> records, AttributeProjection projection) =>
        records.Select(record => Body(context, record, projection));

    public static ScimResourceResponse Response(ScimCallContext context, ScimResourceRecord record, AttributeProjection projection) =>
        new(Body(context, record, projection), record.Id, EntityTag.Format(record.Version), ScimResourceRenderer.Location(context, record.Type, record.Id));
}
