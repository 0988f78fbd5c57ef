using AutoRfpHex.Adapters.Sqlite.Scim.Memberships;
using AutoRfpHex.Core.Scim.Filtering;

namespace AutoRfpHex.Adapters.Sqlite.Scim.Filtering;

/// <summary>
/// Inside a value path, <c>emails[type eq "work"]</c>: paths name sub-attributes of one element of the JSON array (or
/// of a single complex value). <paramref name="ElementPath"/> is an SQL expression giving the element's JSON path.
/// </summary>
internal sealed record JsonElementContext(string Document, string ElementPath) : IPathContext
{
    public ValueSource Resolve(AttributePath path) => new OneValue(new JsonLocation(Document, SubPath(ElementPath, path.SubAttribute)));

    /// <summary>The path of a sub-attribute below an element path expression (a literal or a column such as json_each's fullkey).</summary>
    public static string SubPath(string elementPath, string? subAttribute) =>
        subAttribute is null ? elementPath : $"{elementPath} || {JsonPaths.Literal(JsonPaths.Member(subAttribute))}";
}

/// <summary>
/// One membership row, seen as a group's <c>members</c> element (value = member id, type, display) or as a user's
/// <c>groups</c> element (value = group id, type "Group", display = the group's displayName).
/// </summary>
internal sealed record MembershipElementContext(string Alias, bool AsGroupMember) : IPathContext
{
    public ValueSource Resolve(AttributePath path) => new OneValue(Element(path.SubAttribute));

    public ValueLocation Element(string? subAttribute) => subAttribute switch
    {
        null => new AssignedComplexValue(),
        "value" => new TextColumn(AsGroupMember ? $"{Alias}.member_id" : $"{Alias}.group_id"),
        "type" => new TextColumn(AsGroupMember ? $"{Alias}.member_type" : "'Group'"),
        "display" => new TextColumn(MembershipSql.DisplayOf(AsGroupMember ? $"{Alias}.member_id" : $"{Alias}.group_id", Alias)),
        _ => new AbsentValue(),
    };

    /// <summary>
    /// True when some membership of the row's resource satisfies the condition: an uncorrelated IN over the tenant's
    /// memberships, so <c>members.value eq "id"</c> is one index lookup rather than one probe per resource.
    /// </summary>
    public static string Exists(SqlParameters parameters, bool asGroupMember, Func<MembershipElementContext, string> condition)
    {
        var m = parameters.Alias("m");
        var owner = asGroupMember ? "group_id" : "member_id";
        var context = new MembershipElementContext(m, asGroupMember);
        return $"r.id IN (SELECT {m}.{owner} FROM scim_memberships AS {m} WHERE {m}.organization_id = $org AND {m}.environment = $env AND ({condition(context)}))";
    }
}
