using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Adapters.Sqlite.Scim;

/// <summary>
/// One direction of a list query's total order over a sort key expression (<see cref="Key"/>) and the id, and the keyset
/// predicate "after a position" in it. A NULL key (no key) acts as greater
/// than every key, so it comes last ascending and first descending, as the Core sort comparer says; ids break ties
/// ascending in the query's order (descending when it is read backward). Without sortBy the key is the creation time,
/// never NULL, and the forms stay plain enough for ix_scim_created to serve both the order and the seek.
/// </summary>
/// <param name="Key">The SQL expression of the sort key over <c>scim_resources AS r</c>.</param>
internal sealed record ScimKeyset(string Key, bool KeyNullable, bool KeyAscending, bool IdAscending)
{
    public static ScimKeyset For(SortSpecification? sort, string key) => new(key, sort is not null, sort?.Descending != true, IdAscending: true);

    public ScimKeyset Reversed => this with { KeyAscending = !KeyAscending, IdAscending = !IdAscending };

    public string OrderBy =>
        (KeyNullable ? $"{Term} IS NULL{Desc(KeyAscending)}, " : "") + $"{Term}{Desc(KeyAscending)}, r.id{Desc(IdAscending)}";

    /// <summary>The key as an operand: a plain column as it is (so an index on it matches), an expression in parentheses.</summary>
    private string Term => Key.Contains(' ', StringComparison.Ordinal) || Key.Contains('(', StringComparison.Ordinal) ? $"({Key})" : Key;

    /// <summary>
    /// The rows strictly after <paramref name="from"/> in this order. A forged key of another kind still compares (SQLite
    /// orders NULL, numbers, text) and a forged NULL where keys never are selects nothing.
    /// </summary>
    /// <remarks>
    /// Row values let ix_scim_created serve the default order. Any other order gets one CASE and no OR: SQLite (seen in
    /// 3.40 and 3.53) dropped rows when an OR over a flattened subquery's computed column met a filter it splits into a
    /// multi-index OR; a CASE is opaque to that rewrite, whatever form the key takes.
    /// </remarks>
    public (string Sql, (string Name, object? Value)[] Parameters) After(ScimSortPosition from)
    {
        var (keyOp, idOp) = (KeyAscending ? ">" : "<", IdAscending ? ">" : "<");
        var (nullsBeyond, keysBeyond) = KeyAscending ? ("1", "0") : ("0", "1");
        var sql = !KeyNullable && keyOp == idOp
            ? $"({Term}, r.id) {keyOp} ($seek_key, $seek_id)"
            : from.Key is null
                ? $"CASE WHEN {Term} IS NULL THEN r.id {idOp} $seek_id ELSE {keysBeyond} END"
                : $"CASE WHEN {Term} IS NULL THEN {nullsBeyond} WHEN {Term} = $seek_key THEN r.id {idOp} $seek_id ELSE {Term} {keyOp} $seek_key END";
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
