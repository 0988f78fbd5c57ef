using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Scim;

/// <summary>
/// Membership edges, one document per (group, member), written in the caller's transaction as one ordered bulk write (removals before adds, as given): a
/// batch of 1,000 added members is one round trip, and editing one member touches one document whatever the group's size.
/// </summary>
internal static class MembershipDocuments
{
    private static readonly FilterDefinitionBuilder<BsonDocument> Filter = Builders<BsonDocument>.Filter;

    public static FilterDefinition<BsonDocument> InTenant(Tenant tenant) =>
        Filter.Eq(MongoFields.OrganizationId, tenant.OrganizationId) & Filter.Eq(MongoFields.Environment, tenant.Environment.ToString());

    public static FilterDefinition<BsonDocument> OfGroup(Tenant tenant, string groupId) => InTenant(tenant) & Filter.Eq(MongoFields.GroupId, groupId);

    /// <summary>Both directions: the resource as a group (its members) and as a member (its groups).</summary>
    public static FilterDefinition<BsonDocument> Touching(Tenant tenant, string resourceId) =>
        InTenant(tenant) & (Filter.Eq(MongoFields.GroupId, resourceId) | Filter.Eq(MongoFields.MemberId, resourceId));

    /// <summary>
    /// The writes of <paramref name="change"/>; <paramref name="memberTypes"/> gives the type of every added id (all known).
    /// An add is an upsert that sets nothing on an existing edge, so re-adding a member is a no-op, not a duplicate key; it writes
    /// the folded group id that filters on a user's <c>groups.value</c> read.
    /// </summary>
    public static IReadOnlyList<WriteModel<BsonDocument>> Writes(Tenant tenant, string groupId, MembershipChange change, IReadOnlyDictionary<string, ScimResourceType> memberTypes)
    {
        var writes = new List<WriteModel<BsonDocument>>();
        var group = OfGroup(tenant, groupId);
        var added = change.Add.Distinct(StringComparer.Ordinal).ToList();
        if (change.ReplaceAll)
        {
            writes.Add(new DeleteManyModel<BsonDocument>(group & Filter.Nin(MongoFields.MemberId, added)));
        }
        else if (change.Remove.Count > 0)
        {
            writes.Add(new DeleteManyModel<BsonDocument>(group & Filter.In(MongoFields.MemberId, change.Remove.Distinct(StringComparer.Ordinal))));
        }

        foreach (var memberId in added)
        {
            writes.Add(new UpdateOneModel<BsonDocument>(
                group & Filter.Eq(MongoFields.MemberId, memberId),
                Builders<BsonDocument>.Update
                    .SetOnInsert(MongoFields.MemberType, memberTypes[memberId].ToString())
                    .SetOnInsert(MongoFields.GroupIdFolded, ScimStringComparison.Fold(groupId, caseExact: false)))
            { IsUpsert = true });
        }

        return writes;
    }

    /// <summary>Applies <see cref="Writes"/> of <paramref name="change"/> in the caller's transaction.</summary>
    /// <returns>How many edges were added or removed (0: only re-adds and removals of non-members), and the members whose edge is new.</returns>
    public static async Task<(long Changed, IReadOnlyList<string> NewMembers)> ApplyAsync(
        IMongoCollection<BsonDocument> memberships, IClientSessionHandle session, Tenant tenant, string groupId, MembershipChange change,
        IReadOnlyDictionary<string, ScimResourceType> memberTypes, CancellationToken cancellationToken)
    {
        var writes = Writes(tenant, groupId, change, memberTypes);
        if (writes.Count == 0)
        {
            return (0, []);
        }

        var result = await memberships.BulkWriteAsync(session, writes, new BulkWriteOptions { IsOrdered = true }, cancellationToken);

        // The adds are the last writes, one per distinct added id in order; an upsert's index names its write.
        var added = change.Add.Distinct(StringComparer.Ordinal).ToList();
        var firstAdd = writes.Count - added.Count;
        return (result.DeletedCount + result.Upserts.Count, result.Upserts.Select(upsert => added[upsert.Index - firstAdd]).ToList());
    }
}
