using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Adapters.Sqlite.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Adapters.Sqlite.Scim;

/// <summary>
/// The statements of a list query: the total, and pages of <see cref="Rows"/> (the filter as SQL, each row with its
/// <c>sort_key</c>; created without sortBy) read in <see cref="Order"/>, by index (LIMIT/OFFSET from the 1-based
/// startIndex) or by keyset seek (<see cref="ScimKeysetPaging"/>).
/// </summary>
internal sealed record ScimQuerySql(string Rows, string CountSql, IReadOnlyList<(string Name, object? Value)> Parameters, ScimKeyset Order)
{
    public static ScimQuerySql Build(Tenant tenant, ScimResourceType type, ScimQuery query)
    {
        var parameters = new SqlParameters();
        var where = $"{ScimResourceRows.TenantScope} AND r.resource_type = {TenantColumns.TypeLiteral(type)}";
        if (query.Filter is not null)
        {
            where += " AND " + new FilterSqlTranslator(type, parameters).Translate(query.Filter);
        }

        var sortKey = query.Sort is null ? "r.created" : SortSql.Key(type, query.Sort);
        return new ScimQuerySql(
            $"SELECT {ScimResourceRows.Columns}, {sortKey} AS sort_key FROM scim_resources AS r WHERE {where}",
            $"SELECT count(*) FROM scim_resources AS r WHERE {where};",
            [.. TenantColumns.Scope(tenant), .. parameters.Values],
            ScimKeyset.For(query.Sort));
    }

    /// <summary>Index paging; binds <c>$limit</c> and <c>$offset</c>.</summary>
    public string PageSql => $"SELECT * FROM ({Rows}) ORDER BY {Order.OrderBy} LIMIT $limit OFFSET $offset;";
}
