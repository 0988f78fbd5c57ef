using AutoRfpHex.Adapters.Mongo.Accounts;
using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Adapters.Mongo.Filtering;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Scim;
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
                    return new StoreWriteResult(StoreWriteOutcome.UnknownMembers, UnknownMemberIds: unknown);
                }

                await resources.InsertOneAsync(session, ScimResourceDocument.From(tenant, resource), cancellationToken: ct);
                await MembershipDocuments.ApplyAsync(memberships, session,
                    MembershipDocuments.Writes(tenant, resource.Id, new MembershipChange(memberIds, [], false), known), ct);
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
                        await session.AbortTransactionAsync(ct);
                        return new StoreWriteResult(StoreWriteOutcome.UnknownMembers, UnknownMemberIds: unknown);
                    }

                    membershipsChanged = await MembershipDocuments.ApplyAsync(memberships, session, MembershipDocuments.Writes(tenant, resource.Id, change, known), ct);
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
                return written is null
                    ? new StoreWriteResult(StoreWriteOutcome.VersionMismatch)
                    : StoreWriteResult.Written(ScimResourceDocument.ToRecord(written));
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
            var changed = await MembershipDocuments.ApplyAsync(memberships, session, MembershipDocuments.Writes(tenant, groupId, change, known), ct);
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
        var filter = ScimResourceDocument.InTenant(tenant, type);
        if (query.Filter is { } node)
        {
            filter &= await TranslateAsync(tenant, type, node, cancellationToken);
        }

        var total = (int)await resources.CountDocumentsAsync(filter, cancellationToken: cancellationToken);
        var order = query.Sort is { } sort ? translation.Order(type, sort) : null;
        if (query.Seek is { } seek)
        {
            var (rows, bounds) = order is null
                ? await CreationOrderKeyset.ReadAsync(resources, filter, seek, query.Count, total, cancellationToken)
                : await SortedKeyset.ReadAsync(resources, filter, order, seek, query.Count, total, cancellationToken);
            return new ScimQueryPage(await Reads.LoadAsync(tenant, rows.ConvertAll(ScimResourceDocument.ToRecord), query.Load, cancellationToken), total, bounds);
        }

        var (limit, offset) = (Math.Max(query.Count, 0), Math.Max(query.StartIndex, 1) - 1);
        if (limit == 0 || offset >= total)
        {
            return new ScimQueryPage([], total);
        }

        var page = order is null
            ? await resources.Find(filter).Sort(DefaultOrder).Skip(offset).Limit(limit).ToListAsync(cancellationToken)
            : await SortedKeyset.Walk(resources, filter, order, from: null).Skip(offset).Limit(limit).ToListAsync(cancellationToken);
        return new ScimQueryPage(await Reads.LoadAsync(tenant, page.ConvertAll(ScimResourceDocument.ToRecord), query.Load, cancellationToken), total);
    }

    /// <summary>
    /// The filter with every id set it needs: lookups run tenant-scoped in rounds, since one lookup's filter may use another's
    /// ids (a membership's display is its member's name). The ids are read as a cursor (a <c>distinct</c> answer is one
    /// document, capped at 16 MB) and stop at the limit: a filter needing more is refused, never a failed query.
    /// </summary>
    private async Task<BsonDocument> TranslateAsync(Tenant tenant, ScimResourceType type, Core.Scim.Filtering.FilterNode node, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<MongoLookup, IReadOnlyCollection<string>>();
        var budget = store.Options.MaxFilterLookupIds;
        for (var round = 0; translation.LookupsOf(type, node, resolved) is { Count: > 0 } ready; round++)
        {
            if (round == MaxLookupRounds)
            {
                throw new InvalidOperationException($"A filter's lookups did not resolve in {MaxLookupRounds} rounds.");
            }

            foreach (var lookup in ready)
            {
                var ids = await LookupIdsAsync(tenant, lookup, budget, cancellationToken);
                budget -= ids.Count; // every lookup's ids go into the one query document
                resolved[lookup] = ids;
            }
        }

        return translation.Filter(type, node, resolved);
    }

    /// <summary>
    /// The distinct ids of <paramref name="lookup"/>, refused when it matches more than <paramref name="budget"/> documents
    /// (memberships or resources; counted before de-duplication, so a cut-off read is never taken for the whole set).
    /// </summary>
    private async Task<HashSet<string>> LookupIdsAsync(Tenant tenant, MongoLookup lookup, int budget, CancellationToken cancellationToken)
    {
        var (collection, scope) = lookup.Collection == MongoLookupCollection.Memberships
            ? (memberships, MembershipDocuments.InTenant(tenant))
            : (resources, ScimResourceDocument.InTenant(tenant));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var matched = 0;
        using var cursor = await collection.Find(scope & lookup.Filter)
            .Project(Builders<BsonDocument>.Projection.Include(lookup.IdField).Exclude(MongoFields.Id))
            .Limit((int)Math.Min(budget + 1L, int.MaxValue))
            .ToCursorAsync(cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var document in cursor.Current)
            {
                if (++matched > budget)
                {
                    throw new ScimException(400, ScimErrorTypes.TooMany,
                        $"The filter needs more than {store.Options.MaxFilterLookupIds:N0} group memberships or members looked up on this store "
                        + "(Storage:Mongo:MaxFilterLookupIds); narrow it, for example read one group by id and page its members with "
                        + "membersStartIndex/membersCount.");
                }

                if (document.GetValue(lookup.IdField, BsonNull.Value) is BsonString { Value: var id })
                {
                    ids.Add(id);
                }
            }
        }

        return ids;
    }

    // Filters nest lookups at most two deep (membership display: resource ids, then memberships); more means a bug.
    private const int MaxLookupRounds = 4;

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
