using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Paths;

/// <summary>
/// PATCH value paths (<c>emails[type eq "work"]</c>, <c>members[value eq "id"]</c>) in the shared filter language:
/// parsed by <see cref="ScimFilterParser"/> and matched by <see cref="ScimFilterEvaluator"/>, so a PATCH path selects
/// exactly the values a list filter would.
/// </summary>
internal static class ValuePathFilters
{
    /// <summary>The filter inside the brackets, with full paths (attribute plus sub-attribute) as the shared AST holds them.</summary>
    /// <param name="schemaUrn">Null for core-schema attributes.</param>
    /// <exception cref="ScimException">400 <c>invalidFilter</c>.</exception>
    public static FilterNode Parse(ScimResourceType type, string? schemaUrn, ScimAttributeDefinition attribute, string filterText)
    {
        var valuePath = ScimFilterParser.Parse($"{(schemaUrn is null ? string.Empty : schemaUrn + ":")}{attribute.Name}[{filterText}]", type);
        return valuePath is ValuePathFilter { Filter: var filter }
            ? filter
            : throw ScimException.BadRequest(ScimErrorTypes.InvalidFilter, $"'{attribute.Name}[{filterText}]' is not a single value filter.");
    }

    /// <summary>True when <paramref name="element"/>, one value of the attribute <paramref name="path"/> names, satisfies its filter.</summary>
    public static bool Matches(ScimResourceType type, ScimPath path, JsonObject element)
    {
        // The evaluator judges whole records: a probe record holding just this one value asks it about the value alone.
        var attributes = new JsonObject();
        var values = new JsonArray(element.DeepClone());
        if (path.SchemaUrn is null)
        {
            attributes[path.Attribute.Name] = values;
        }
        else
        {
            attributes[path.SchemaUrn] = new JsonObject { [path.Attribute.Name] = values };
        }

        var probe = new ScimResourceRecord(string.Empty, type, 0, default, default, attributes);
        return ScimFilterEvaluator.Matches(new ValuePathFilter(new AttributePath(path.SchemaUrn, path.Attribute.Name), path.ValueFilter!), probe);
    }

    /// <summary>True when a group member satisfies a <c>members[...]</c> filter.</summary>
    public static bool MatchesMember(FilterNode filter, MemberReference member)
    {
        var probe = new ScimResourceRecord(string.Empty, ScimResourceType.Group, 0, default, default, []) { Members = [member] };
        return ScimFilterEvaluator.Matches(new ValuePathFilter(new AttributePath(null, "members"), filter), probe);
    }

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
