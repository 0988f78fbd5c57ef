using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Adapters.Sqlite.Scim;

/// <summary>
/// One direction of a list query's total order over the <c>sort_key</c> and <c>id</c> columns of
/// <see cref="ScimQuerySql.Rows"/>, and the keyset predicate "after a position" in it. A NULL key (no key) acts as greater
/// than every key, so it comes last ascending and first descending, as the Core sort comparer says; ids break ties
/// ascending in the query's order (descending when it is read backward). Without sortBy the key is the creation time,
/// never NULL, and the forms stay plain enough for ix_scim_created to serve both the order and the seek.
/// </summary>
internal sealed record ScimKeyset(bool KeyNullable, bool KeyAscending, bool IdAscending)
{
    public static ScimKeyset For(SortSpecification? sort) => new(sort is not null, sort?.Descending != true, IdAscending: true);

    public ScimKeyset Reversed => this with { KeyAscending = !KeyAscending, IdAscending = !IdAscending };

    public string OrderBy =>
        (KeyNullable ? $"sort_key IS NULL{Desc(KeyAscending)}, " : "") + $"sort_key{Desc(KeyAscending)}, id{Desc(IdAscending)}";

    /// <summary>
    /// The rows strictly after <paramref name="from"/> in this order. A forged key of another kind still compares (SQLite
    /// orders NULL, numbers, text) and a forged NULL where keys never are selects nothing.
    /// </summary>
    /// <remarks>
    /// Row values let ix_scim_created serve the default order. Any other order gets one CASE and no OR: SQLite (seen in
    /// 3.40 and 3.53) drops rows when an OR over a flattened subquery's computed column meets a filter it splits into a
    /// multi-index OR; a CASE is opaque to that rewrite.
    /// </remarks>
    public (string Sql, (string Name, object? Value)[] Parameters) After(ScimSortPosition from)
    {
        var (keyOp, idOp) = (KeyAscending ? ">" : "<", IdAscending ? ">" : "<");
        var (nullsBeyond, keysBeyond) = KeyAscending ? ("1", "0") : ("0", "1");
        var sql = !KeyNullable && keyOp == idOp
            ? $"(sort_key, id) {keyOp} ($seek_key, $seek_id)"
            : from.Key is null
                ? $"CASE WHEN sort_key IS NULL THEN id {idOp} $seek_id ELSE {keysBeyond} END"
                : $"CASE WHEN sort_key IS NULL THEN {nullsBeyond} WHEN sort_key = $seek_key THEN id {idOp} $seek_id ELSE sort_key {keyOp} $seek_key END";
        return (sql, [("$seek_key", Bind(from.Key)), ("$seek_id", from.Id)]);
    }

    /// <summary>A sort key as this store holds it: NULL, text, a REAL, or (booleans) the integers 0 and 1.</summary>
    public static object? Bind(object? key) => key is bool flag ? (flag ? 1L : 0L) : key;

    /// <summary>The inverse of <see cref="Bind"/>, as positions carry keys: integers become doubles, which compare equal in SQLite.</summary>
    public static object? Read(object? column) => column switch
    {
        null or DBNull => null,
        long integer => (double)integer,
        _ => column,
    };

    private static string Desc(bool ascending) => ascending ? "" : " DESC";
}
