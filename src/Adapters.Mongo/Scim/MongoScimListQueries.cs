using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Adapters.Mongo.Filtering;
using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Scim;

/// <summary>
/// Builds a <see cref="MongoScimListQuery"/> from a SCIM query: shared by the store's QueryAsync and the diagnostics, so the
/// explained find is the one the store runs. Resolving a filter's lookups reads the database (tenant-scoped).
/// </summary>
internal sealed class MongoScimListQueries(MongoStore store, IMongoScimQueryTranslation translation)
{
    // Filters nest lookups at most two deep (membership display: resource ids, then memberships); more means a bug.
    private const int MaxLookupRounds = 4;

    private readonly IMongoCollection<BsonDocument> resources = store.Documents(MongoCollectionNames.ScimResources);
    private readonly IMongoCollection<BsonDocument> memberships = store.Documents(MongoCollectionNames.Memberships);

    public async Task<MongoScimListQuery> BuildAsync(Tenant tenant, ScimResourceType type, ScimQuery query, CancellationToken cancellationToken)
    {
        var filter = ScimResourceDocument.InTenant(tenant, type);
        if (query.Filter is { } node)
        {
            filter &= await TranslateAsync(tenant, type, node, cancellationToken);
        }

        var order = query.Sort is { } sort ? translation.Order(type, sort) : null;
        return new MongoScimListQuery(filter, order, Math.Max(query.Count, 0), Math.Max(query.StartIndex, 1) - 1);
    }

    /// <summary>
    /// The filter with every id set it needs: lookups run tenant-scoped in rounds, since one lookup's filter may use another's
    /// ids (a membership's display is its member's name). The ids are read as a cursor (a <c>distinct</c> answer is one
    /// document, capped at 16 MB) and stop at the limit: a filter needing more is refused, never a failed query.
    /// </summary>
    private async Task<BsonDocument> TranslateAsync(Tenant tenant, ScimResourceType type, FilterNode node, CancellationToken cancellationToken)
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
}
