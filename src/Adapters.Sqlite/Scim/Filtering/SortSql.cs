using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Adapters.Sqlite.Scim.Memberships;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Adapters.Sqlite.Scim.Filtering;

/// <summary>
/// The sort key of a row, as the Core sort comparer (ScimSortComparer) defines it: the attribute's value; for a
/// multi-valued attribute the primary element's, else the first element's (sub-attribute "value" when none is named);
/// strings folded unless caseExact and never empty; a value of the wrong JSON kind is no key. NULL = no key.
/// </summary>
internal static class SortSql
{
    public static string Key(ScimResourceType type, SortSpecification sort)
    {
        var (definition, path) = RootContext.Canonical(type, sort.Path);
        if (definition is null)
        {
            return "NULL";
        }

        var sub = path.SubAttribute ?? (definition.Type == ScimAttributeType.Complex ? "value" : null);
        var leaf = sub is null ? definition : definition.FindSubAttribute(sub);
        if (leaf is null)
        {
            return "NULL";
        }

        var root = new RootContext(type, new SqlParameters());
        var canonicalSub = leaf == definition ? null : leaf.Name;
        var node = root.Special(definition) switch
        {
            SpecialAttribute.Id => new TextColumn("r.id"),
            SpecialAttribute.Meta => RootContext.Meta(canonicalSub),
            SpecialAttribute.Members => FirstMembership(asGroupMember: true, canonicalSub),
            SpecialAttribute.Groups => FirstMembership(asGroupMember: false, canonicalSub),
            _ when definition.MultiValued => new JsonLocation(RootContext.Document, JsonElementContext.SubPath(ChosenElement(path), canonicalSub)),
            _ => (ValueLocation)new JsonLocation(RootContext.Document, JsonPaths.Literal(JsonPaths.Of(path.SchemaUrn, path.Attribute, canonicalSub))),
        };
        return KeyOf(node, leaf);
    }

    private static string KeyOf(ValueLocation node, ScimAttributeDefinition leaf) => leaf.Type switch
    {
        ScimAttributeType.String or ScimAttributeType.Reference or ScimAttributeType.Binary =>
            $"CASE WHEN {node.IsText} AND {node.Value} <> '' THEN {(leaf.CaseExact ? node.Value : $"{SqliteFunctions.Fold}({node.Value})")} END",
        ScimAttributeType.Boolean => $"CASE {node.Kind} WHEN 'true' THEN 1 WHEN 'false' THEN 0 END",
        ScimAttributeType.Integer or ScimAttributeType.Decimal =>
            $"CASE WHEN {node.Kind} IN ('integer', 'real') AND abs(CAST({node.Value} AS REAL)) <= 1.7976931348623157e308 THEN CAST({node.Value} AS REAL) END",
        ScimAttributeType.DateTime => node.Instant,
        _ => "NULL",
    };

    /// <summary>The JSON path of the element whose primary is true, else of the first element.</summary>
    private static string ChosenElement(Core.Scim.Filtering.AttributePath path)
    {
        var attribute = JsonPaths.Of(path.SchemaUrn, path.Attribute);
        var literal = JsonPaths.Literal(attribute);
        return $"""
            coalesce((SELECT pe.fullkey FROM json_each({RootContext.Document}, {literal}) AS pe
                      WHERE json_type({RootContext.Document}, {literal}) = 'array' AND json_type({RootContext.Document}, pe.fullkey || '.primary') = 'true'
                      ORDER BY pe.key LIMIT 1), {JsonPaths.Literal(attribute + "[0]")})
            """;
    }

    /// <summary>The first membership in the order edges are loaded (member id, group id), as the record shows it.</summary>
    private static ValueLocation FirstMembership(bool asGroupMember, string? subAttribute)
    {
        var element = new MembershipElementContext("fm", asGroupMember).Element(subAttribute);
        var (owner, order) = asGroupMember ? ("group_id", "member_id") : ("member_id", "group_id");
        return new TextColumn(
            $"""
            (SELECT {element.Value} FROM scim_memberships AS fm
             WHERE fm.organization_id = r.organization_id AND fm.environment = r.environment AND fm.{owner} = r.id ORDER BY fm.{order} LIMIT 1)
            """);
    }

    /// <summary>
    /// The ORDER BY of a sort key: missing keys last ascending and first descending, ties by id. Written on the key
    /// expression itself (not an alias of a subquery column), so an index on that expression (ix_scim_users_sort_user_name)
    /// can deliver the order; SQLite does not match an index to an ORDER BY reached through a flattened subquery.
    /// </summary>
    public static string OrderBy(string key, bool descending) =>
        descending ? $"({key}) IS NULL DESC, ({key}) DESC, r.id" : $"({key}) IS NULL, ({key}), r.id";
}
