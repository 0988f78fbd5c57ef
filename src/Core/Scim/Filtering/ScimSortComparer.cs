using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Filtering;

/// <summary>
/// The reference order for <c>sortBy</c>/<c>sortOrder</c> (RFC 7644 §3.4.2.3), which stores must reproduce:
/// <list type="number">
/// <item>Sort key: the attribute's value; for a multi-valued attribute, the element whose <c>primary</c> is true, else the
/// first element as stored, then its sub-attribute (<c>emails.value</c> sorts by the primary email's value).</item>
/// <item>Strings fold as <see cref="ScimStringComparison.Fold"/> (caseExact respected) and order by code point; numbers
/// numerically; dateTimes as instants; booleans false before true.</item>
/// <item>No key (absent, null, "", or a stored value of the wrong JSON kind) sorts after every key when ascending and
/// before every key when descending (RFC: "ordered last if ascending and first if descending").</item>
/// <item>Ties, including between keyless records, break by <see cref="ScimResourceRecord.Id"/> ordinal ascending in both
/// directions, so the order is total and pages are stable.</item>
/// </list>
/// </summary>
public static class ScimSortComparer
{
    public static IComparer<ScimResourceRecord> For(SortSpecification sort) =>
        Comparer<ScimResourceRecord>.Create((x, y) =>
        {
            var byKey = CompareKeys(SortKey(x, sort.Path), SortKey(y, sort.Path));
            return byKey != 0 ? (sort.Descending ? -byKey : byKey) : string.CompareOrdinal(x.Id, y.Id);
        });

    /// <summary>The record's sort key: a folded string, a double, a DateTimeOffset, a bool, or null for none.</summary>
    internal static object? SortKey(ScimResourceRecord record, AttributePath path)
    {
        var attribute = ScimResourceSchemas.FindAttribute(record.Type, path.SchemaUrn, path.Attribute);
        if (attribute is null)
        {
            return null;
        }

        var sub = path.SubAttribute ?? (attribute.Type == ScimAttributeType.Complex ? "value" : null);
        var leaf = sub is null ? attribute : attribute.FindSubAttribute(sub);
        var elements = ResourceValues.Elements(ResourceValues.AttributeNode(record, path.SchemaUrn, path.Attribute)).ToList();
        var chosen = elements.FirstOrDefault(IsPrimary) ?? elements.FirstOrDefault();
        var node = sub is null ? chosen : ResourceValues.SubValues(chosen, sub).FirstOrDefault();
        return leaf is null ? null : KeyOf(node, leaf);
    }

    private static bool IsPrimary(JsonNode? element) =>
        element is JsonObject obj && JsonScalars.TryGetBoolean(obj["primary"], out var primary) && primary;

    private static object? KeyOf(JsonNode? node, ScimAttributeDefinition leaf)
    {
        if (FilterValueBinder.IsText(leaf.Type))
        {
            return JsonScalars.TryGetString(node, out var s) && s.Length > 0 ? ScimStringComparison.Fold(s, leaf.CaseExact) : null;
        }

        return leaf.Type switch
        {
            ScimAttributeType.Boolean => JsonScalars.TryGetBoolean(node, out var b) ? b : null,
            ScimAttributeType.Integer or ScimAttributeType.Decimal => JsonScalars.TryGetNumber(node, out var n) ? n : null,
            ScimAttributeType.DateTime => JsonScalars.TryGetInstant(node, out var t) ? t : null,
            _ => null,
        };
    }

    // Keys of one path always share a type; a missing key is greater than any key (last when ascending).
    private static int CompareKeys(object? x, object? y) => (x, y) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        (string a, string b) => ScimStringComparison.CompareCodePoints(a, b),
        (double a, double b) => a.CompareTo(b),
        (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
        (bool a, bool b) => a.CompareTo(b),
        _ => 0,
    };
}
