using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Adapters.Sqlite.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Adapters.Sqlite.Scim;

/// <summary>
/// The statements of a list query: the total, and pages read in <see cref="Order"/>, by index (LIMIT/OFFSET from the
/// 1-based startIndex) or by keyset seek (<see cref="ScimKeysetPaging"/>). Each page row carries its <c>sort_key</c>
/// (created without sortBy). Order and seeks are written on the key expression itself, never on a subquery's alias:
/// SQLite matches an index (ix_scim_created, ix_scim_users_sort_user_name) to the expression, not to the alias.
/// </summary>
/// <param name="Select">The rows' columns and sort key, from <c>scim_resources AS r</c>, without a WHERE.</param>
/// <param name="Where">The tenant, the resource type and the filter.</param>
internal sealed record ScimQuerySql(string Select, string Where, IReadOnlyList<(string Name, object? Value)> Parameters, ScimKeyset Order)
{
    public static ScimQuerySql Build(Tenant tenant, ScimResourceType type, ScimQuery query)
    {
        var parameters = new SqlParameters();
        var where = $"{ScimResourceRows.TenantScope} AND r.resource_type = {TenantColumns.TypeLiteral(type)}";
        if (query.Filter is not null)
        {
            where += " AND " + new FilterSqlTranslator(type, parameters).Translate(query.Filter);
        }

        var order = ScimKeyset.For(query.Sort, query.Sort is null ? "r.created" : SortSql.Key(type, query.Sort));
        return new ScimQuerySql(
            $"SELECT {ScimResourceRows.Columns}, {order.Key} AS sort_key FROM scim_resources AS r",
            where,
            [.. TenantColumns.Scope(tenant), .. parameters.Values],
            order);
    }

    public string CountSql => $"SELECT count(*) FROM scim_resources AS r WHERE {Where};";

    /// <summary>Index paging; binds <c>$limit</c> and <c>$offset</c>.</summary>
    public string PageSql => $"{Select} WHERE {Where}\nORDER BY {Order.OrderBy} LIMIT $limit OFFSET $offset;";
}
