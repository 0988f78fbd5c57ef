using AutoRfpHex.Adapters.Mongo.Filtering;
using AutoRfpHex.Adapters.Mongo.Scim;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Tests.Filtering;

/// <summary>
/// For the server-backed differential test (Core evaluator vs this translation), which needs a MongoDB server and is
/// wired by the store's test suite: documents exactly as the store writes them (<see cref="ScimResourceDocument"/>,
/// the membership upserts of <see cref="MembershipDocuments"/>), and one query run as the store runs it (membership
/// lookups, then the resource query; the sorted walk through the aggregation stages). Records must carry millisecond
/// times (what BSON dates keep) and be loaded with members/groups, as the evaluator needs. No test uses it without a
/// server; the offline tests check the documents it builds.
/// </summary>
public static class MongoFilterDifferential
{
    public static BsonDocument ResourceDocument(Tenant tenant, ScimResourceRecord record) => ScimResourceDocument.From(tenant, record);

    /// <summary>A group's membership documents (one per member): what the server inserts for the store's upserts.</summary>
    public static IEnumerable<BsonDocument> MembershipDocuments(Tenant tenant, ScimResourceRecord group) =>
        Scim.MembershipDocuments.Writes(tenant, group.Id, new MembershipChange(group.Members.Select(m => m.Value).ToList(), [], false),
                group.Members.ToDictionary(m => m.Value, m => m.Type))
            .OfType<UpdateOneModel<BsonDocument>>()
            .Select(Upserted);

    /// <summary>An upsert's inserted document: the equalities of its filter plus its <c>$setOnInsert</c>.</summary>
    public static BsonDocument Upserted(UpdateOneModel<BsonDocument> upsert)
    {
        var document = Rendering.BsonRendering.Render(upsert.Filter).DeepClone().AsBsonDocument;
        document.AddRange(Rendering.BsonRendering.Render(upsert.Update)["$setOnInsert"].AsBsonDocument);
        return document;
    }

    /// <summary>The ids the evaluator matches, in the Core sort comparer's order.</summary>
    public static IReadOnlyList<string> Expected(IEnumerable<ScimResourceRecord> records, FilterNode? filter, SortSpecification? sort) =>
        records.Where(r => filter is null || ScimFilterEvaluator.Matches(filter, r))
            .OrderBy(r => r, sort is null ? Comparer<ScimResourceRecord>.Create((a, b) => a.Created != b.Created ? a.Created.CompareTo(b.Created) : string.CompareOrdinal(a.Id, b.Id)) : ScimSortComparer.For(sort))
            .Select(r => r.Id).ToList();

    /// <summary>The ids the server returns for the translated query, in the translated order.</summary>
    public static async Task<IReadOnlyList<string>> ActualAsync(
        IMongoCollection<BsonDocument> resources, IMongoCollection<BsonDocument> memberships,
        Tenant tenant, ScimResourceType type, FilterNode? filter, SortSpecification? sort, CancellationToken cancellationToken = default)
    {
        var (organization, environment) = (tenant.OrganizationId, tenant.Environment.ToString());
        var found = new Dictionary<MongoLookup, IReadOnlyCollection<string>>();
        while (filter is not null && MongoFilterTranslator.LookupsOf(type, filter, found) is { Count: > 0 } round)
        {
            foreach (var lookup in round)
            {
                var scope = MongoConditions.And(MongoQueryFilter.Tenant(organization, environment), lookup.Filter);
                var collection = lookup.Collection == MongoLookupCollection.Memberships ? memberships : resources;
                found[lookup] = await (await collection.DistinctAsync<string>(lookup.IdField, scope, cancellationToken: cancellationToken)).ToListAsync(cancellationToken);
            }
        }

        var translated = filter is null ? null : new MongoFilterTranslator(type, found.GetValueOrDefault).Translate(filter);
        var order = MongoSortOrder.For(type, sort);
        var pipeline = new List<BsonDocument> { new("$match", MongoQueryFilter.For(organization, environment, type, translated)) };
        pipeline.AddRange(order.Stages);
        pipeline.Add(new BsonDocument("$sort", order.Sort));
        pipeline.Add(new BsonDocument("$project", new BsonDocument(MongoResourceFields.Id, 1)));
        var rows = await (await resources.AggregateAsync<BsonDocument>(pipeline, cancellationToken: cancellationToken)).ToListAsync(cancellationToken);
        return rows.Select(r => r[MongoResourceFields.Id].AsString).ToList();
    }
}
