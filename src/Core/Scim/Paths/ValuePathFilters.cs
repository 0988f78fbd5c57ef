using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Paths;

/// <summary>
/// The seam between PATCH value paths (<c>emails[type eq "work"]</c>) and the filter language. Until the shared
/// <c>ScimFilterParser</c>/evaluator land, the bracket text is parsed by <see cref="ElementFilterParser"/> into the
/// shared AST and evaluated per element by <see cref="ElementFilterMatcher"/>. Switching over means parsing
/// <c>attr[filter]</c> with <c>ScimFilterParser.Parse</c> (taking the <see cref="ValuePathFilter.Filter"/>) here,
/// and nothing else: the AST is the same.
/// </summary>
internal static class ValuePathFilters
{
    /// <param name="schemaUrn">Null for core-schema attributes.</param>
    /// <param name="attribute">The multi-valued complex attribute the brackets follow.</param>
    public static FilterNode Parse(string? schemaUrn, ScimAttributeDefinition attribute, string filterText) =>
        new ElementFilterParser(schemaUrn, attribute, filterText).Parse();

    /// <summary>True when one value (<paramref name="element"/>) of <paramref name="attribute"/> satisfies <paramref name="filter"/>.</summary>
    public static bool Matches(FilterNode filter, ScimAttributeDefinition attribute, JsonObject element) =>
        ElementFilterMatcher.Matches(filter, attribute, element);

    /// <summary>
    /// The sub-attribute values a filter pins down when it is only <c>eq</c> comparisons joined by <c>and</c>
    /// (<c>type eq "work"</c>): what a new value must hold to match it. Null for any other filter.
    /// </summary>
    public static JsonObject? EqualityTemplate(FilterNode filter)
    {
        var template = new JsonObject();
        return Collect(filter, template) ? template : null;

        static bool Collect(FilterNode node, JsonObject into) => node switch
        {
            AndFilter and => Collect(and.Left, into) && Collect(and.Right, into),
            ComparisonFilter { Operator: ComparisonOperator.Equal, Value: not null, Path.SubAttribute: { } sub } c
                when !into.ContainsKey(sub) => Add(into, sub, c.Value),
            _ => false,
        };

        static bool Add(JsonObject into, string key, JsonValue value)
        {
            into[key] = value.DeepClone();
            return true;
        }
    }

    /// <summary>
    /// The <c>value</c>s a filter names when it is <c>value eq "x"</c> or such comparisons joined by <c>or</c>
    /// (how IdPs address group members); null for any other filter.
    /// </summary>
    public static IReadOnlyList<string>? ValueEqualities(FilterNode filter)
    {
        var values = new List<string>();
        return Collect(filter, values) ? values : null;

        static bool Collect(FilterNode node, List<string> into)
        {
            switch (node)
            {
                case OrFilter or:
                    return Collect(or.Left, into) && Collect(or.Right, into);
                case ComparisonFilter { Operator: ComparisonOperator.Equal, Path.SubAttribute: "value" } c
                    when c.Value is not null && c.Value.TryGetValue(out string? id):
                    into.Add(id);
                    return true;
                default:
                    return false;
            }
        }
    }
}
