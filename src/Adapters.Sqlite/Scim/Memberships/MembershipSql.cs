namespace AutoRfpHex.Adapters.Sqlite.Scim.Memberships;

/// <summary>
/// SQL shared by loading membership edges and filtering/sorting on them, so both show the same values:
/// a member's display is its displayName (a user without one shows its userName).
/// </summary>
internal static class MembershipSql
{
    /// <summary>The display of the resource aliased <paramref name="resource"/>: text displayName, else (users) text userName.</summary>
    public static string Display(string resource) =>
        $"""
        CASE WHEN {resource}.resource_type = 'User'
             THEN coalesce(nullif({Text(resource, "displayName")}, ''), {Text(resource, "userName")})
             ELSE {Text(resource, "displayName")} END
        """;

    /// <summary>A correlated scalar subquery: the display of the resource whose id is <paramref name="idExpression"/>.</summary>
    public static string DisplayOf(string idExpression, string membership) =>
        $"""
        (SELECT {Display("d")} FROM scim_resources AS d
         WHERE d.organization_id = {membership}.organization_id AND d.environment = {membership}.environment AND d.id = {idExpression})
        """;

    private static string Text(string resource, string attribute) =>
        $"CASE WHEN json_type({resource}.attributes, '$.{attribute}') = 'text' THEN json_extract({resource}.attributes, '$.{attribute}') END";
}
