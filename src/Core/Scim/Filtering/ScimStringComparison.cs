namespace AutoRfpHex.Core.Scim.Filtering;

/// <summary>
/// How SCIM string values compare, for the evaluator, the sort comparer and every store translator alike.
/// <list type="bullet">
/// <item>Fold: a case-insensitive (not caseExact) value is compared in its <see cref="string.ToUpperInvariant"/> form
/// (.NET invariant simple upper-case mapping, lengths never change; under the repo's InvariantGlobalization=true, so
/// e.g. dotless 'ı' stays 'ı'); a caseExact value as is. Stores must compute folds with this method, not SQL UPPER().
/// No other normalisation: no Unicode normalisation (NFC/NFD), no trimming, no culture rules.</item>
/// <item>Equality and co/sw/ew: ordinal (code unit by code unit) on the folded forms.</item>
/// <item>Order (gt/ge/lt/le, sortBy): by Unicode code point of the folded forms, which is UTF-8 byte order, i.e. what
/// SQLite's BINARY collation and MongoDB's simple collation do on UTF-8 text. (Plain UTF-16 ordinal order differs
/// for characters above U+FFFF against U+E000..U+FFFF.)</item>
/// </list>
/// </summary>
public static class ScimStringComparison
{
    public static string Fold(string value, bool caseExact) => caseExact ? value : value.ToUpperInvariant();

    /// <summary>Compares by Unicode code point (UTF-8 byte order). Negative when <paramref name="a"/> sorts first.</summary>
    public static int CompareCodePoints(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            var (x, y) = (a[i], b[i]);
            if (x == y)
            {
                continue;
            }

            // A surrogate stands for a code point above U+FFFF, so it outranks every BMP character.
            var (xs, ys) = (char.IsSurrogate(x), char.IsSurrogate(y));
            return xs == ys ? x.CompareTo(y) : xs ? 1 : -1;
        }

        return a.Length.CompareTo(b.Length);
    }

    /// <summary>A comparer ordering strings by <see cref="CompareCodePoints"/>, for store tests and sorting.</summary>
    public static IComparer<string> CodePointOrder { get; } = Comparer<string>.Create(CompareCodePoints);
}
