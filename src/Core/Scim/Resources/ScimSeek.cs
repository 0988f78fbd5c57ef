namespace AutoRfpHex.Core.Scim.Resources;

/// <summary>
/// Keyset paging. A query's results are totally ordered by (has no sort key, sort key, id): the sort key as
/// <see cref="Filtering.ScimSortComparer"/> orders it (keyless last ascending, first descending), then id ordinal ascending
/// in both directions; without sortBy the key is the creation time. A seek reads the rows on one side of a position in
/// that order, so pages neither skip nor repeat resources when others are written between requests.
/// </summary>
/// <param name="Direction">Forward: the <c>Count</c> rows right after <paramref name="From"/>. Backward: the <c>Count</c>
/// rows right before it, still returned in the query's order.</param>
/// <param name="From">Exclusive. Null: from the start (forward) or from the end (backward).</param>
public sealed record ScimSeek(ScimSeekDirection Direction, ScimSortPosition? From);

public enum ScimSeekDirection
{
    Forward,
    Backward,
}

/// <summary>
/// A place in a query's order: the sort key of a resource in the store's own representation, and its id. Positions
/// travel to clients inside cursors and come back unchanged or tampered with, so a store must accept any position
/// (a key of another kind than its keys sorts by the store's cross-kind order) and never fail on one.
/// </summary>
/// <param name="Key">Null (no key), a string, a finite double or a bool: JSON scalars, so a cursor can carry them.</param>
public sealed record ScimSortPosition(object? Key, string Id)
{
    public object? Key { get; } = Key is null or string or bool || Key is double d && double.IsFinite(d)
        ? Key
        : throw new ArgumentException($"A sort key is null, a string, a finite double or a bool, not {Key.GetType().Name}.", nameof(Key));
}

/// <summary>Where a seek's page lies in the whole result, read in the same snapshot as the page.</summary>
/// <param name="First">The position of the page's first resource; null when the page is empty.</param>
/// <param name="Last">The position of the page's last resource; null when the page is empty.</param>
/// <param name="MoreBefore">Whether a matching resource precedes the page.</param>
/// <param name="MoreAfter">Whether a matching resource follows the page.</param>
/// <remarks>An empty page lies at the end it was sought toward: every match precedes an empty forward page and
/// follows an empty backward one.</remarks>
public sealed record ScimPageBounds(ScimSortPosition? First, ScimSortPosition? Last, bool MoreBefore, bool MoreAfter);
