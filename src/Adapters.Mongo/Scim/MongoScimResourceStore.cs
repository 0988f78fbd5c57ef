using AutoRfpHex.Adapters.Mongo.Accounts;
using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Scim;

/// <summary>
/// SCIM Users and Groups. Uniqueness (id, userName, displayName) is enforced by the unique indexes, versions by conditional
/// updates (<c>version == expected</c> in the filter), and a write touching several documents (a group and its edges, a
/// resource and its edges, the last-Admin guard) is one transaction, retried whole on transient errors, that re-reads what
/// it checks. The record a write returns is read back from the database, without membership edges.
/// </summary>
internal sealed class MongoScimResourceStore(MongoStore store, IMongoScimQueryTranslation translation) : IScimResourceStore
{
    private static readonly FilterDefinitionBuilder<BsonDocument> Filter = Builders<BsonDocument>.Filter;

    private readonly IMongoCollection<BsonDocument> resources = store.Documents(MongoCollectionNames.ScimResources);
    private readonly IMongoCollection<BsonDocument> memberships = store.Documents(MongoCollectionNames.Memberships);

    private readonly MongoScimListQueries lists = new(store, translation);

    private MembershipReads Reads => new(resources, memberships);

    public async Task<ScimResourceRecord?> GetAsync(Tenant tenant, ScimResourceType type, string id, ResourceLoadOptions load, CancellationToken cancellationToken)
    {
        var document = await resources.Find(ScimResourceDocument.One(tenant, type, id)).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : (await Reads.LoadAsync(tenant, [ScimResourceDocument.ToRecord(document)], load, cancellationToken))[0];
    }

    public async Task<StoreWriteResult> CreateAsync(Tenant tenant, ScimResourceRecord resource, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken)
    {
        RequireGroupForMembers(resource.Type, memberIds.Count > 0);
        try
        {
            if (memberIds.Count == 0)
            {
                // One document: the unique indexes make the insert its own check, no transaction needed.
                await resources.InsertOneAsync(ScimResourceDocument.From(tenant, resource), cancellationToken: cancellationToken);
                return StoreWriteResult.Written(await ReadBackAsync(null, tenant, resource, cancellationToken));
            }

            return await MongoTransactions.RunAsync(store.Client, async (session, ct) =>
            {
                var (known, unknown) = await ClassifyAsync(session, tenant, memberIds, ct);
                if (unknown.Count > 0)
                {
                    return await ScimUniqueness.FindConflictAsync(resources, session, tenant, resource, isNew: true, ct) is { } taken
                        ? Conflict(taken)
                        : new StoreWriteResult(StoreWriteOutcome.UnknownMembers, UnknownMemberIds: unknown);
                }

                await resources.InsertOneAsync(session, ScimResourceDocument.From(tenant, resource), cancellationToken: ct);
                var (_, newMembers) = await MembershipDocuments.ApplyAsync(memberships, session, tenant, resource.Id, new MembershipChange(memberIds, [], false), known, ct);
                await HoldAsync(session, tenant, newMembers, ct);
                return StoreWriteResult.Written(await ReadBackAsync(session, tenant, resource, ct));
            }, cancellationToken);
        }
        catch (MongoException ex) when (ScimUniqueness.ConflictOf(ex) is { } attribute)
        {
            return Conflict(attribute);
        }
    }

    public async Task<StoreWriteResult> UpdateAsync(Tenant tenant, ScimResourceRecord resource, long expectedVersion, MembershipChange? membershipChange, CancellationToken cancellationToken)
    {
        var change = membershipChange is { IsEmpty: false } ? membershipChange : null;
        RequireGroupForMembers(resource.Type, change is not null);
        try
        {
            return await MongoTransactions.RunAsync(store.Client, async (session, ct) =>
            {
                var storedDocument = await resources.Find(session, ScimResourceDocument.One(tenant, resource.Type, resource.Id)).FirstOrDefaultAsync(ct);
                if (storedDocument is null)
                {
                    return new StoreWriteResult(StoreWriteOutcome.NotFound);
                }

                var stored = ScimResourceDocument.ToRecord(storedDocument);
                if (stored.Version != expectedVersion)
                {
                    return new StoreWriteResult(StoreWriteOutcome.VersionMismatch);
                }

                if (ActiveAdmins.RemovedBy(tenant, stored, resource)
                    && !await ActiveAdminContinuity.OtherActiveAdminExistsAsync(store, session, tenant, resource.Id, ct))
                {
                    return new StoreWriteResult(StoreWriteOutcome.LastActiveAdmin);
                }

                long membershipsChanged = 0;
                if (change is not null)
                {
                    var (known, unknown) = await ClassifyAsync(session, tenant, change.Add, ct);
                    if (unknown.Count > 0)
                    {
                        var taken = await ScimUniqueness.FindConflictAsync(resources, session, tenant, resource, isNew: false, ct);
                        await session.AbortTransactionAsync(ct);
                        return taken is not null ? Conflict(taken) : new StoreWriteResult(StoreWriteOutcome.UnknownMembers, UnknownMemberIds: unknown);
                    }

                    (membershipsChanged, var newMembers) = await MembershipDocuments.ApplyAsync(memberships, session, tenant, resource.Id, change, known, ct);
                    await HoldAsync(session, tenant, newMembers, ct);
                }

                if (membershipsChanged == 0 && SameDocument(stored, resource))
                {
                    // A re-sent request: nothing changed, so the version and lastModified stay.
                    return StoreWriteResult.Written(stored);
                }

                var written = await resources.FindOneAndUpdateAsync(session,
                    ScimResourceDocument.One(tenant, resource.Type, resource.Id) & Filter.Eq(MongoFields.Version, expectedVersion),
                    ScimResourceDocument.Replacement(resource),
                    new FindOneAndUpdateOptions<BsonDocument> { ReturnDocument = ReturnDocument.After }, ct);
                if (written is null)
                {
                    // The membership writes above must not commit without the document they belong to.
                    await session.AbortTransactionAsync(ct);
                    return new StoreWriteResult(StoreWriteOutcome.VersionMismatch);
                }

                return StoreWriteResult.Written(ScimResourceDocument.ToRecord(written));
            }, cancellationToken);
        }
        catch (MongoException ex) when (ScimUniqueness.ConflictOf(ex) is { } attribute)
        {
            return Conflict(attribute);
        }
    }

    public Task<StoreWriteResult> UpdateMembersAsync(Tenant tenant, string groupId, MembershipChange change, DateTimeOffset lastModified, CancellationToken cancellationToken) =>
        MongoTransactions.RunAsync(store.Client, async (session, ct) =>
        {
            var group = ScimResourceDocument.One(tenant, ScimResourceType.Group, groupId);
            if (!await resources.Find(session, group).AnyAsync(ct))
            {
                return new StoreWriteResult(StoreWriteOutcome.NotFound);
            }

            var (known, unknown) = await ClassifyAsync(session, tenant, change.Add, ct);
            if (unknown.Count > 0)
            {
                await session.AbortTransactionAsync(ct);
                return new StoreWriteResult(StoreWriteOutcome.UnknownMembers, UnknownMemberIds: unknown);
            }

            // No read-modify-write of the version: it is raised in place, so concurrent member edits of one group never fail
            // each other's version checks (a write conflict is retried by the transaction instead).
            var (changed, newMembers) = await MembershipDocuments.ApplyAsync(memberships, session, tenant, groupId, change, known, ct);
            await HoldAsync(session, tenant, newMembers, ct);
            var written = changed > 0
                ? await resources.FindOneAndUpdateAsync(session, group, VersionRaised(lastModified),
                    new FindOneAndUpdateOptions<BsonDocument> { ReturnDocument = ReturnDocument.After }, ct)
                : await resources.Find(session, group).FirstAsync(ct);
            return StoreWriteResult.Written(ScimResourceDocument.ToRecord(written));
        }, cancellationToken);

    public Task<bool> DeleteAsync(Tenant tenant, ScimResourceType type, string id, long? expectedVersion, CancellationToken cancellationToken) =>
        MongoTransactions.RunAsync(store.Client, async (session, ct) =>
        {
            var one = ScimResourceDocument.One(tenant, type, id);
            var storedDocument = await resources.Find(session, one).FirstOrDefaultAsync(ct);
            if (storedDocument is null)
            {
                return false;
            }

            if (ActiveAdmins.RemovedBy(tenant, ScimResourceDocument.ToRecord(storedDocument), written: null)
                && !await ActiveAdminContinuity.OtherActiveAdminExistsAsync(store, session, tenant, id, ct))
            {
                return false;
            }

            var deleted = await resources.DeleteOneAsync(session,
                expectedVersion is { } version ? one & Filter.Eq(MongoFields.Version, version) : one, cancellationToken: ct);
            if (deleted.DeletedCount == 0)
            {
                return false;
            }

            // Its edges in both directions go with it, in the same transaction.
            await memberships.DeleteManyAsync(session, MembershipDocuments.Touching(tenant, id), cancellationToken: ct);
            return true;
        }, cancellationToken);

    public async Task<ScimQueryPage> QueryAsync(Tenant tenant, ScimResourceType type, ScimQuery query, CancellationToken cancellationToken)
    {
        // Built by the same builder as the diagnostics' explain (Diagnostics/MongoQueryDiagnostics).
        var list = await lists.BuildAsync(tenant, type, query, cancellationToken);
        var total = (int)await resources.CountDocumentsAsync(list.Filter, cancellationToken: cancellationToken);
        if (query.Seek is { } seek)
        {
            var (rows, bounds) = list.Order is not { } order
                ? await CreationOrderKeyset.ReadAsync(resources, list.Filter, seek, query.Count, total, cancellationToken)
                : await SortedKeyset.ReadAsync(resources, list.Filter, order, seek, query.Count, total, cancellationToken);
            return new ScimQueryPage(await Reads.LoadAsync(tenant, rows.ConvertAll(ScimResourceDocument.ToRecord), query.Load, cancellationToken), total, bounds);
        }

        if (list.PageIsEmpty(total))
        {
            return new ScimQueryPage([], total);
        }

        var page = list.Order is not { } sorted
            ? await list.CreationOrderPage(resources).ToListAsync(cancellationToken)
            : await list.SortedPage(resources, sorted).ToListAsync(cancellationToken);
        return new ScimQueryPage(await Reads.LoadAsync(tenant, page.ConvertAll(ScimResourceDocument.ToRecord), query.Load, cancellationToken), total);
    }

    /// <summary>Without sortBy: creation order, then id (index tenant_type_created).</summary>
    internal static readonly SortDefinition<BsonDocument> DefaultOrder =
        Builders<BsonDocument>.Sort.Ascending(MongoFields.Created).Ascending(MongoFields.ResourceId);

    internal static UpdateDefinition<BsonDocument> VersionRaised(DateTimeOffset lastModified) =>
        Builders<BsonDocument>.Update.Inc(MongoFields.Version, 1L).Set(MongoFields.LastModified, new BsonDateTime(lastModified.UtcDateTime));

    /// <summary>The type of every known id (users and groups of the tenant) and the unknown ids, distinct, in the order given.</summary>
    private async Task<(Dictionary<string, ScimResourceType> Known, IReadOnlyList<string> Unknown)> ClassifyAsync(
        IClientSessionHandle session, Tenant tenant, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return ([], []);
        }

        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        var found = await resources.Find(session, ScimResourceDocument.InTenant(tenant) & Filter.In(MongoFields.ResourceId, distinct))
            .Project(Builders<BsonDocument>.Projection.Include(MongoFields.ResourceId).Include(MongoFields.Type))
            .ToListAsync(cancellationToken);
        var known = found.ToDictionary(d => d[MongoFields.ResourceId].AsString, d => Enum.Parse<ScimResourceType>(d[MongoFields.Type].AsString), StringComparer.Ordinal);
        return (known, distinct.Where(id => !known.ContainsKey(id)).ToList());
    }

    /// <summary>
    /// Writes the members whose edge this transaction created (<see cref="MongoFields.MemberEdgeWrites"/> raised). Snapshot
    /// transactions conflict only on documents both write: without it, a concurrent delete of a member, which removes its
    /// edges as of its own snapshot, and this add could both commit and leave an edge to a resource that no longer exists.
    /// Edges that already existed need no hold: the delete sees and removes them.
    /// </summary>
    private async Task HoldAsync(IClientSessionHandle session, Tenant tenant, IReadOnlyList<string> newMembers, CancellationToken cancellationToken)
    {
        if (newMembers.Count > 0)
        {
            await resources.UpdateManyAsync(session, ScimResourceDocument.InTenant(tenant) & Filter.In(MongoFields.ResourceId, newMembers),
                Builders<BsonDocument>.Update.Inc(MongoFields.MemberEdgeWrites, 1L), cancellationToken: cancellationToken);
        }
    }

    private async Task<ScimResourceRecord> ReadBackAsync(IClientSessionHandle? session, Tenant tenant, ScimResourceRecord resource, CancellationToken cancellationToken)
    {
        var one = ScimResourceDocument.One(tenant, resource.Type, resource.Id);
        var document = session is null
            ? await resources.Find(one).FirstAsync(cancellationToken)
            : await resources.Find(session, one).FirstAsync(cancellationToken);
        return ScimResourceDocument.ToRecord(document);
    }

    /// <summary>Whether <paramref name="resource"/> would store what <paramref name="stored"/> holds (all but version and lastModified).</summary>
    private static bool SameDocument(ScimResourceRecord stored, ScimResourceRecord resource) =>
        stored.Role == resource.Role && stored.IsIntegrationUser == resource.IsIntegrationUser
        && System.Text.Json.Nodes.JsonNode.DeepEquals(stored.Attributes, resource.Attributes);

    private static StoreWriteResult Conflict(string attribute) => new(StoreWriteOutcome.UniquenessViolation, ConflictingAttribute: attribute);

    private static void RequireGroupForMembers(ScimResourceType type, bool hasMembershipChange)
    {
        if (hasMembershipChange && type != ScimResourceType.Group)
        {
            throw new ArgumentException($"Only groups have members; a {type} cannot take a membership change.");
        }
    }
}
