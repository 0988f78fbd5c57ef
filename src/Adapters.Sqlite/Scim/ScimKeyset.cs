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

    /// <summary>The rows strictly after <paramref name="from"/> in this order. A forged key of another kind still compares
    /// (SQLite orders NULL, numbers, text) and a forged NULL where keys never are selects nothing.</summary>
    public (string Sql, (string Name, object? Value)[] Parameters) After(ScimSortPosition from)
    {
        var (keyOp, idOp) = (KeyAscending ? ">" : "<", IdAscending ? ">" : "<");
        var beyond = keyOp == idOp
            ? $"(sort_key, id) {keyOp} ($seek_key, $seek_id)"
            : $"(sort_key {keyOp} $seek_key OR (sort_key = $seek_key AND id {idOp} $seek_id))";
        var sql = (KeyNullable, from.Key is null, KeyAscending) switch
        {
            (false, _, _) => beyond,
            (true, true, true) => $"(sort_key IS NULL AND id {idOp} $seek_id)",
            (true, true, false) => $"(sort_key IS NOT NULL OR id {idOp} $seek_id)",
            (true, false, true) => $"(sort_key IS NULL OR {beyond})",
            (true, false, false) => $"(sort_key IS NOT NULL AND {beyond})",
        };
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
