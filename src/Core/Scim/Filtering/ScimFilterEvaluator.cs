using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Filtering;

/// <summary>
/// The reference semantics of a <see cref="FilterNode"/>: every store translator must return exactly the records
/// this evaluator matches (a differential test checks it). The rules, in full:
/// <list type="number">
/// <item><b>Values.</b> A path names a set of stored values: <c>emails.value</c> is every email's value (each element of a
/// multi-valued attribute, arrays flattened); a single-valued attribute gives one value or none. Common attributes come
/// from the record: <c>id</c> = Id, <c>meta.created</c>/<c>meta.lastModified</c> = Created/LastModified,
/// <c>meta.resourceType</c> = "User"/"Group", <c>meta.version</c> = <c>W/"{Version}"</c>; group <c>members</c> and user
/// <c>groups</c> are the Members/Groups lists (<c>value</c> = member id, <c>display</c>, <c>type</c> = "User"/"Group").</item>
/// <item><b>Any element.</b> <c>eq co sw ew gt ge lt le</c> are true when at least one value satisfies the comparison;
/// an absent attribute (no values) makes them false.</item>
/// <item><b>ne</b> is exactly <c>not eq</c>: true when no value equals, so an absent attribute is true, and
/// <c>emails.value ne "x"</c> is true only when no email is "x". (RFC 7644 leaves "ne" on absent and multi-valued
/// attributes open; negation keeps <c>ne</c> and <c>not (eq)</c> identical for every store.)</item>
/// <item><b>pr</b> is true when some value is assigned (RFC 7643 §2.5): not null, not "", not an empty array, and for a
/// complex value at least one sub-attribute assigned. <c>false</c> and <c>0</c> are assigned.</item>
/// <item><b>null</b>: <c>eq null</c> is <c>not pr</c> and <c>ne null</c> is <c>pr</c> (unassigned and null are the same
/// state, RFC 7643 §2.5).</item>
/// <item><b>Strings</b> (String, Reference, Binary) compare as <see cref="ScimStringComparison"/> says: folded with
/// ToUpperInvariant unless the attribute is caseExact, equality and co/sw/ew ordinal on the folded forms, order by code
/// point. A stored "" is a string: <c>eq ""</c> matches it and <c>co ""</c> matches every stored string.</item>
/// <item><b>Numbers</b> compare as doubles; <b>booleans</b> only with eq/ne; <b>dateTimes</b> as instants
/// (stored strings parsed by <see cref="ScimDateTime.TryParse"/>; unparseable stored text never matches).</item>
/// <item><b>Types.</b> A stored value of another JSON kind than the attribute's type (a number where a string belongs,
/// "true" where a boolean belongs) never satisfies a comparison (so <c>ne</c> is true for it), though it counts for pr.</item>
/// <item><b>Loading.</b> Filters on <c>members</c>/<c>groups</c> see only what the record holds: evaluate records loaded with
/// <see cref="ResourceLoadOptions.Full"/> (an empty list means no members). Attributes are looked up by their canonical
/// names exactly, as records store them.</item>
/// <item><b>Value paths.</b> <c>attr[f]</c> is true when one element of <c>attr</c> satisfies <c>f</c> on its own; a single
/// complex value is one element. and/or/not are boolean logic.</item>
/// </list>
/// </summary>
public static class ScimFilterEvaluator
{
    public static bool Matches(FilterNode filter, ScimResourceRecord resource) =>
        Evaluate(filter, resource, path => ResourceValues.Values(resource, path));

    private static bool Evaluate(FilterNode filter, ScimResourceRecord resource, Func<AttributePath, IEnumerable<JsonNode?>> values) => filter switch
    {
        AndFilter and => Evaluate(and.Left, resource, values) && Evaluate(and.Right, resource, values),
        OrFilter or => Evaluate(or.Left, resource, values) || Evaluate(or.Right, resource, values),
        NotFilter not => !Evaluate(not.Inner, resource, values),
        ValuePathFilter valuePath => ResourceValues.Elements(ResourceValues.AttributeNode(resource, valuePath.Path.SchemaUrn, valuePath.Path.Attribute))
            .Any(element => Evaluate(valuePath.Filter, resource, path => path.SubAttribute is null ? new[] { element } : ResourceValues.SubValues(element, path.SubAttribute))),
        ComparisonFilter comparison => Compare(comparison, resource.Type, values(comparison.Path)),
        _ => throw new ArgumentException($"Unknown filter node {filter.GetType().Name}.", nameof(filter)),
    };

    private static bool Compare(ComparisonFilter comparison, ScimResourceType type, IEnumerable<JsonNode?> values)
    {
        var (op, value) = (comparison.Operator, comparison.Value);
        if (op == ComparisonOperator.Present || value is null)
        {
            var assigned = values.Any(JsonScalars.HasValue);
            return op == ComparisonOperator.Equal ? !assigned : op is ComparisonOperator.Present or ComparisonOperator.NotEqual && assigned;
        }

        var leaf = LeafDefinition(comparison.Path, type);
        if (leaf is null)
        {
            return op == ComparisonOperator.NotEqual;
        }

        return op == ComparisonOperator.NotEqual
            ? !values.Any(v => ValueMatcher.Matches(v, ComparisonOperator.Equal, value, leaf))
            : values.Any(v => ValueMatcher.Matches(v, op, value, leaf));
    }

    // The catalog is fixed, so each path's definition is looked up once per process.
    private static readonly ConcurrentDictionary<(ScimResourceType, AttributePath), ScimAttributeDefinition?> Leaves = new();

    internal static ScimAttributeDefinition? LeafDefinition(AttributePath path, ScimResourceType type) =>
        Leaves.GetOrAdd((type, path), key =>
        {
            var attribute = ScimResourceSchemas.FindAttribute(key.Item1, key.Item2.SchemaUrn, key.Item2.Attribute);
            return key.Item2.SubAttribute is null ? attribute : attribute?.FindSubAttribute(key.Item2.SubAttribute);
        });
}
