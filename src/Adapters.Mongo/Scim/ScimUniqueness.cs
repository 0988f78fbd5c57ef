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
            : message.Contains("index: tenant_userName", StringComparison.Ordinal) ? "userName"
            : message.Contains("index: tenant_displayName", StringComparison.Ordinal) ? "displayName"
            : message.Contains("index: tenant_resourceId", StringComparison.Ordinal) ? "id"
            : null;
    }
}
