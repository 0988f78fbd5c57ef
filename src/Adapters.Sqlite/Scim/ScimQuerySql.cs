using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Adapters.Sqlite.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Adapters.Sqlite.Scim;

/// <summary>
/// The two statements of a list query: the total, and the page (filter as SQL, order in SQL: missing keys last ascending
/// and first descending, ties by id; created then id without sortBy; LIMIT/OFFSET from the 1-based startIndex).
/// </summary>
internal sealed record ScimQuerySql(string CountSql, string PageSql, IReadOnlyList<(string Name, object? Value)> Parameters, int Limit, int Offset)
{
    public static ScimQuerySql Build(Tenant tenant, ScimResourceType type, ScimQuery query)
    {
        var parameters = new SqlParameters();
        var where = $"{ScimResourceRows.TenantScope} AND r.resource_type = {TenantColumns.TypeLiteral(type)}";
        if (query.Filter is not null)
        {
            where += " AND " + new FilterSqlTranslator(type, parameters).Translate(query.Filter);
        }

        var order = query.Sort is null ? "r.created, r.id" : SortSql.OrderBy(SortSql.Key(type, query.Sort), query.Sort.Descending);
        var (limit, offset) = (Math.Max(query.Count, 0), Math.Max(query.StartIndex, 1) - 1);
        return new ScimQuerySql(
            $"SELECT count(*) FROM scim_resources AS r WHERE {where};",
            $"""
            SELECT {ScimResourceRows.Columns} FROM scim_resources AS r WHERE {where}
            ORDER BY {order} LIMIT $limit OFFSET $offset;
            """,
            [.. TenantColumns.Scope(tenant), .. parameters.Values, ("$limit", limit), ("$offset", offset)],
            limit,
            offset);
    }
}
