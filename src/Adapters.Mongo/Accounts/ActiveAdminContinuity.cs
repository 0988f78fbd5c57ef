using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Adapters.Mongo.Scim;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Accounts;

/// <summary>
/// "An organization keeps an active Admin", checked inside the write's transaction. Snapshot isolation alone would let two
/// transactions each demote one of the last two Admins (each sees the other still active), so every such write first
/// updates the tenant's guard document: the second one then hits a write conflict, is retried, and sees the first.
/// </summary>
internal static class ActiveAdminContinuity
{
    private static readonly FilterDefinitionBuilder<BsonDocument> Filter = Builders<BsonDocument>.Filter;

    /// <summary>Takes the tenant's guard, then answers whether an active Admin other than <paramref name="userId"/> exists.</summary>
    public static async Task<bool> OtherActiveAdminExistsAsync(MongoStore store, IClientSessionHandle session, Tenant tenant, string userId, CancellationToken cancellationToken)
    {
        await store.Documents(MongoCollectionNames.AdminGuards).UpdateOneAsync(session,
            Filter.Eq(MongoFields.Id, tenant.ToString()), Builders<BsonDocument>.Update.Inc("writes", 1L),
            new UpdateOptions { IsUpsert = true }, cancellationToken);
        return await store.Documents(MongoCollectionNames.ScimResources).Find(session, OtherActiveAdmins(tenant, userId)).Limit(1).AnyAsync(cancellationToken);
    }

    /// <summary>Admins of the tenant other than <paramref name="userId"/> whose <c>active</c> is not false (absent counts as active).</summary>
    internal static FilterDefinition<BsonDocument> OtherActiveAdmins(Tenant tenant, string userId) =>
        ScimResourceDocument.InTenant(tenant, ScimResourceType.User)
        & Filter.Eq(MongoFields.Role, nameof(AccountRole.Admin))
        & Filter.Ne(MongoFields.ResourceId, userId)
        & Filter.Ne(MongoFields.Active, false);
}
