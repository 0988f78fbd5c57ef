using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Bulk;

/// <summary>
/// How a POST inside a circular bulkId reference (RFC 7644 §3.7.1) is created ahead of the resources it names: its
/// <c>data</c> without the references that cannot resolve yet, and the PATCH that adds them once they can. Only
/// references a PATCH can add later are deferred: elements of a group's <c>members</c> and a user's enterprise
/// <c>manager</c>. Anywhere else (a name, <c>externalId</c>, a member's <c>display</c>) the value is part of what is
/// created, so such a POST cannot go first.
/// </summary>
/// <param name="CreateData">The POST's data without the deferred values (copied; references in it can resolve now).</param>
/// <param name="References">The bulkIds the deferred values name; the completion waits until all are created.</param>
internal sealed record DeferredReferences(JsonObject CreateData, IReadOnlyList<JsonNode> Members, JsonNode? Manager, IReadOnlySet<string> References)
{
    private static readonly string ManagerPath = $"{ScimSchemaUris.EnterpriseUser}:manager";

    /// <summary>Splits <paramref name="operation"/>'s data; null with <paramref name="refusal"/> when a pending reference sits where it cannot be deferred.</summary>
    /// <param name="pending">Whether a bulkId has not been created yet.</param>
    public static DeferredReferences? Split(BulkOperation operation, Func<string, bool> pending, out string? refusal)
    {
        var data = operation.Data!.DeepClone().AsObject();
        bool Pending(JsonNode? node) => node is JsonValue value && BulkIdReferences.Reference(value) is { } bulkId && pending(bulkId);

        var members = new List<JsonNode>();
        if (operation.Path!.Type == ScimResourceType.Group && Member(data, "members") is JsonArray array)
        {
            foreach (var element in array.Where(e => e is JsonObject item && Pending(Member(item, "value"))).ToList())
            {
                array.Remove(element);
                members.Add(element!);
            }
        }

        JsonNode? manager = null;
        if (operation.Path.Type == ScimResourceType.User && Member(data, ScimSchemaUris.EnterpriseUser) is JsonObject enterprise
            && enterprise.FirstOrDefault(p => p.Key.Equals("manager", StringComparison.OrdinalIgnoreCase)) is { Value: { } value } entry
            && (Pending(value) || (value is JsonObject reference && Pending(Member(reference, "value")))))
        {
            enterprise.Remove(entry.Key);
            manager = value;
        }

        refusal = Where(data, pending, string.Empty) is { } place
            ? $"{operation.Describe()} names a bulkId not yet created in \"{place}\", where it cannot be added afterwards (only a group's members and a user's manager can)"
            : null;
        if (refusal is not null)
        {
            return null;
        }

        var references = new HashSet<string>(StringComparer.Ordinal);
        members.ForEach(m => BulkIdReferences.Collect(m, references));
        BulkIdReferences.Collect(manager, references);
        return new DeferredReferences(data, members, manager, references);
    }

    /// <summary>The PATCH request that completes the resource: adds the deferred members, sets the deferred manager (references unresolved).</summary>
    public JsonObject CompletionPatch()
    {
        var operations = new JsonArray();
        if (Members.Count > 0)
        {
            operations.Add(new JsonObject { ["op"] = "add", ["path"] = "members", ["value"] = new JsonArray([.. Members.Select(m => m.DeepClone())]) });
        }

        if (Manager is not null)
        {
            operations.Add(new JsonObject { ["op"] = "replace", ["path"] = ManagerPath, ["value"] = Manager.DeepClone() });
        }

        return new JsonObject { ["schemas"] = new JsonArray(ScimSchemaUris.PatchOp), ["Operations"] = operations };
    }

    /// <summary>Where in <paramref name="node"/> the first pending reference sits ("externalId", "members[0].display"), if any.</summary>
    private static string? Where(JsonNode? node, Func<string, bool> pending, string at) => node switch
    {
        JsonObject obj => obj.Select(p => Where(p.Value, pending, at.Length == 0 ? p.Key : $"{at}.{p.Key}")).FirstOrDefault(w => w is not null),
        JsonArray array => array.Select((item, i) => Where(item, pending, $"{at}[{i}]")).FirstOrDefault(w => w is not null),
        JsonValue value when BulkIdReferences.Reference(value) is { } bulkId && pending(bulkId) => at,
        _ => null,
    };

    private static JsonNode? Member(JsonObject obj, string name) =>
        obj.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}
