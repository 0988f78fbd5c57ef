namespace AutoRfpHex.Adapters.Mongo.Database;

/// <summary>
/// SCIM attribute names as BSON element names. Extension schema URNs contain dots (<c>...:enterprise:2.0:User</c>), which a
/// MongoDB path would read as nesting, so a dot is stored as U+FF0E and a leading <c>$</c> as U+FF04; reading reverses it.
/// Filter translation must build paths from <see cref="Encode"/>d names.
/// </summary>
public static class AttributeNames
{
    private const char Dot = '.';
    private const char StoredDot = '\uFF0E';
    private const char Dollar = '$';
    private const char StoredDollar = '\uFF04';

    public static string Encode(string name)
    {
        var encoded = name.Replace(Dot, StoredDot);
        return encoded.StartsWith(Dollar) ? StoredDollar + encoded[1..] : encoded;
    }

    public static string Decode(string element)
    {
        var decoded = element.Replace(StoredDot, Dot);
        return decoded.StartsWith(StoredDollar) ? Dollar + decoded[1..] : decoded;
    }
}
