using AutoRfpHex.Adapters.Mongo.Database;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Scim;

/// <summary>
/// The unique indexes are the check: a write that clashes fails with a duplicate key error naming the index, mapped here to
/// the attribute it guards. So uniqueness holds under concurrent creates from any number of instances, with no read first.
/// </summary>
internal static class ScimUniqueness
{
    /// <returns>"id", "userName" or "displayName"; null when the error is no duplicate key of a SCIM resource index.</returns>
    public static string? ConflictOf(Exception exception)
    {
        var (category, message) = exception switch
        {
            MongoWriteException write => (write.WriteError?.Category, write.WriteError?.Message),
            MongoBulkWriteException bulk when bulk.WriteErrors.Count > 0 => (bulk.WriteErrors[0].Category, bulk.WriteErrors[0].Message),
            MongoCommandException command when command.Code == 11000 => (ServerErrorCategory.DuplicateKey, command.Message),
            _ => (null, null),
        };
        return category != ServerErrorCategory.DuplicateKey || message is null ? null
            : Names(message, MongoIndexes.UserNameIndex) ? "userName"
            : Names(message, MongoIndexes.GroupDisplayNameIndex) ? "displayName"
            : Names(message, MongoIndexes.ResourceIdIndex) ? "id"
            : null;
    }

    // The server's message reads "E11000 duplicate key error collection: db.coll index: <name> dup key: ...".
    private static bool Names(string message, string index) => message.Contains($"index: {index} ", StringComparison.Ordinal);
}
