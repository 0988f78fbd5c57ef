using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Database;

public static class MongoCollations
{
    /// <summary>
    /// Case-insensitive comparison (strength 2: base letters and accents count, case does not), as SCIM's caseExact=false
    /// for userName and displayName. Queries must use the same collation to use the unique indexes built with it.
    /// </summary>
    public static readonly Collation CaseInsensitive = new("en", strength: CollationStrength.Secondary);
}
