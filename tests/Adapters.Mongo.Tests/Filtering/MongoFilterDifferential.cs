using AutoRfpHex.Adapters.Mongo.Filtering;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Tests.Filtering;

/// <summary>
/// For the server-backed differential test (Core evaluator vs this translation), which needs a MongoDB server and is
/// wired by the store's test suite: documents in the shape <see cref="MongoResourceFields"/> names, and one query run
/// as the store runs it (membership lookups, then the resource query; the sorted walk through the aggregation stages).
/// Records must carry millisecond times (what BSON dates keep) and be loaded with members/groups, as the evaluator needs.
/// No test uses it without a server; the offline tests check the documents it builds.
/// </summary>
public static class MongoFilterDifferential
{
    public static BsonDocument ResourceDocument(string organization, string environment, ScimResourceRecord record) => new()
    {
        { MongoResourceFields.Organization, organization },
        { MongoResourceFields.Environment, environment },
        { MongoResourceFields.ResourceType, MongoResourceFields.TypeName(record.Type) },
        { MongoResourceFields.Id, record.Id },
        { MongoResourceFields.Version, record.Version },
        { MongoResourceFields.Created, new BsonDateTime(record.Created.UtcDateTime) },
        { MongoResourceFields.LastModified, new BsonDateTime(record.LastModified.UtcDateTime) },
        { MongoResourceFields.Attributes, BsonDocument.Parse(record.Attributes.ToJsonString()) },
        { MongoResourceFields.Search, MongoSearchView.Of(record.Type, record.Attributes) },
    };

    /// <summary>A group's membership documents (one per member).</summary>
    public static IEnumerable<BsonDocument> MembershipDocuments(string organization, string environment, ScimResourceRecord group) =>
        group.Members.Select(m => new BsonDocument
        {
            { MongoResourceFields.Organization, organization },
            { MongoResourceFields.Environment, environment },
            { MongoMembershipFields.Group, group.Id },
            { MongoMembershipFields.GroupFolded, ScimStringComparison.Fold(group.Id, caseExact: false) },
            { MongoMembershipFields.Member, m.Value },
            { MongoMembershipFields.MemberType, m.Type.ToString() },
        });

    /// <summary>The ids the evaluator matches, in the Core sort comparer's order.</summary>
    public static IReadOnlyList<string> Expected(IEnumerable<ScimResourceRecord> records, FilterNode? filter, SortSpecification? sort) =>
        records.Where(r => filter is null || ScimFilterEvaluator.Matches(filter, r))
            .OrderBy(r => r, sort is null ? Comparer<ScimResourceRecord>.Create((a, b) => a.Created != b.Created ? a.Created.CompareTo(b.Created) : string.CompareOrdinal(a.Id, b.Id)) : ScimSortComparer.For(sort))
            .Select(r => r.Id).ToList();

    /// <summary>The ids the server returns for the translated query, in the translated order.</summary>
    public static async Task<IReadOnlyList<string>> ActualAsync(
        IMongoCollection<BsonDocument> resources, IMongoCollection<BsonDocument> memberships,
        string organization, string environment, ScimResourceType type, FilterNode? filter, SortSpecification? sort, CancellationToken cancellationToken = default)
    {
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
