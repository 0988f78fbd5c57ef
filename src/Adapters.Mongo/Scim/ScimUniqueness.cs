using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Adapters.Mongo.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Scim;

/// <summary>
/// The unique indexes are the check: a write that clashes fails with a duplicate key error naming the index, mapped here to
/// the attribute it guards. So uniqueness holds under concurrent creates from any number of instances, with no read first.
/// <see cref="FindConflictAsync"/> reads only to answer as the embedded store does when a write has several faults.
/// </summary>
internal static class ScimUniqueness
{
    /// <summary>
    /// The attribute a write would clash on ("id" for a new resource, then userName or a group's displayName), as the
    /// unique indexes compare it; null when none. Used before reporting unknown members, because the embedded store
    /// reports a taken name first.
    /// </summary>
    public static async Task<string?> FindConflictAsync(
        IMongoCollection<BsonDocument> resources, IClientSessionHandle session, Tenant tenant, ScimResourceRecord resource, bool isNew, CancellationToken cancellationToken)
    {
        var filter = Builders<BsonDocument>.Filter;
        if (isNew && await resources.Find(session, ScimResourceDocument.InTenant(tenant) & filter.Eq(MongoFields.ResourceId, resource.Id)).AnyAsync(cancellationToken))
        {
            return "id";
        }

        var (attribute, field) = resource.Type == ScimResourceType.User ? ("userName", MongoFields.SearchUserName) : ("displayName", MongoFields.SearchDisplayName);
        var view = MongoSearchView.Of(resource.Type, resource.Attributes);
        if (view.GetValue(attribute, BsonNull.Value) is not BsonString name)
        {
            return null;
        }

        var taken = ScimResourceDocument.InTenant(tenant, resource.Type) & filter.Eq(field, name) & filter.Ne(MongoFields.ResourceId, resource.Id);
        return await resources.Find(session, taken).AnyAsync(cancellationToken) ? attribute : null;
    }

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
