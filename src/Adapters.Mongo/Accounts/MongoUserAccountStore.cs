using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Adapters.Mongo.Scim;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Accounts;

/// <summary>The AutoRFP side of the tenant's SCIM users: their role.</summary>
internal sealed class MongoUserAccountStore(MongoStore store, TimeProvider time) : IUserAccountStore
{
    private readonly IMongoCollection<BsonDocument> resources = store.Documents(MongoCollectionNames.ScimResources);

    public async Task<IReadOnlyList<ScimResourceRecord>> ListAsync(Tenant tenant, AccountRole? role, CancellationToken cancellationToken)
    {
        var documents = await resources.Find(Users(tenant, role))
            .Sort(ByUserName).ToListAsync(cancellationToken);
        return documents.ConvertAll(ScimResourceDocument.ToRecord);
    }

    internal static FilterDefinition<BsonDocument> Users(Tenant tenant, AccountRole? role) =>
        role is { } r
            ? ScimResourceDocument.InTenant(tenant, ScimResourceType.User) & Builders<BsonDocument>.Filter.Eq(MongoFields.Role, r.ToString())
            : ScimResourceDocument.InTenant(tenant, ScimResourceType.User);

    /// <summary>
    /// Folded userName, as the embedded store orders it (fold, then id: no two users share a folded userName, so the id never
    /// decides), which the unique userName index gives without sorting.
    /// </summary>
    internal static readonly SortDefinition<BsonDocument> ByUserName = Builders<BsonDocument>.Sort.Ascending(MongoFields.SearchUserName);

    /// <summary>
    /// A role change is a change of the user: the version is bumped and lastModified set, so ETags move. Demoting the last
    /// active Admin is refused inside the transaction, so it cannot race a SCIM deactivation of the other Admin.
    /// </summary>
    public Task<StoreWriteResult> SetRoleAsync(Tenant tenant, string userId, AccountRole role, CancellationToken cancellationToken) =>
        MongoTransactions.RunAsync(store.Client, async (session, ct) =>
        {
            var one = ScimResourceDocument.One(tenant, ScimResourceType.User, userId);
            var storedDocument = await resources.Find(session, one).FirstOrDefaultAsync(ct);
            if (storedDocument is null)
            {
                return new StoreWriteResult(StoreWriteOutcome.NotFound);
            }

            var stored = ScimResourceDocument.ToRecord(storedDocument);
            if (ActiveAdmins.RemovedBy(tenant, stored, stored with { Role = role })
                && !await ActiveAdminContinuity.OtherActiveAdminExistsAsync(store, session, tenant, userId, ct))
            {
                return new StoreWriteResult(StoreWriteOutcome.LastActiveAdmin);
            }

            var written = await resources.FindOneAndUpdateAsync(session, one,
                MongoScimResourceStore.VersionRaised(time.GetUtcNow()).Set(MongoFields.Role, role.ToString()),
                new FindOneAndUpdateOptions<BsonDocument> { ReturnDocument = ReturnDocument.After }, ct);
            return StoreWriteResult.Written(ScimResourceDocument.ToRecord(written));
        }, cancellationToken);
}
