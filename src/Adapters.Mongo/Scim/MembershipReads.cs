using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Scim;

/// <summary>
/// Fills members (groups) and groups (users) as the embedded store does: members ordered by member id, groups by group id,
/// a member limit checked first reading at most limit + 1 edges in all, a member window reading only its page. A member's
/// display is its displayName (a user without one shows its userName), read from the member documents in one query.
/// </summary>
internal sealed class MembershipReads(IMongoCollection<BsonDocument> resources, IMongoCollection<BsonDocument> memberships)
{
    private static readonly FilterDefinitionBuilder<BsonDocument> Filter = Builders<BsonDocument>.Filter;

    public async Task<IReadOnlyList<ScimResourceRecord>> LoadAsync(Tenant tenant, IReadOnlyList<ScimResourceRecord> records, ResourceLoadOptions load, CancellationToken cancellationToken)
    {
        if (load.IncludeMembers && load.MemberWindow is { } window)
        {
            records = await LoadWindowAsync(tenant, records, window, cancellationToken);
            load = load with { IncludeMembers = false, MemberWindow = null };
        }

        var groupIds = load.IncludeMembers ? IdsOf(records, ScimResourceType.Group) : [];
        var userIds = load.IncludeGroups ? IdsOf(records, ScimResourceType.User) : [];
        if (groupIds.Count == 0 && userIds.Count == 0)
        {
            return records;
        }

        var overLimit = load.MemberLimit is { } limit && groupIds.Count > 0 ? await FindOverLimitAsync(tenant, groupIds, limit, cancellationToken) : null;
        if (overLimit is not null || load.OnlyCheckMemberLimit)
        {
            groupIds.Clear(); // over the limit the read is refused whole; a mere check reads no members at all
        }

        var members = groupIds.Count == 0 ? [] : await EdgesAsync(tenant, Filter.In(MongoFields.GroupId, groupIds),
            Builders<BsonDocument>.Sort.Ascending(MongoFields.GroupId).Ascending(MongoFields.MemberId), MongoFields.GroupId, MongoFields.MemberId, null, cancellationToken);
        var groups = userIds.Count == 0 ? [] : await EdgesAsync(tenant, Filter.In(MongoFields.MemberId, userIds),
            Builders<BsonDocument>.Sort.Ascending(MongoFields.MemberId).Ascending(MongoFields.GroupId), MongoFields.MemberId, MongoFields.GroupId, null, cancellationToken);

        var membersByGroup = members.ToLookup(m => m.Owner, m => m.Edge);
        var groupsByUser = groups.ToLookup(g => g.Owner, g => g.Edge with { Type = ScimResourceType.Group });
        return records.Select(r => r.Type == ScimResourceType.Group
                ? r with { Members = load.IncludeMembers ? [.. membersByGroup[r.Id]] : r.Members, MembersOverLimit = r.Id == overLimit }
                : r with { Groups = load.IncludeGroups ? [.. groupsByUser[r.Id]] : r.Groups })
            .ToList();
    }

    private async Task<string?> FindOverLimitAsync(Tenant tenant, List<string> groupIds, int limit, CancellationToken cancellationToken)
    {
        var left = (long)limit;
        foreach (var groupId in groupIds)
        {
            left -= await memberships.CountDocumentsAsync(MembershipDocuments.OfGroup(tenant, groupId), new CountOptions { Limit = left + 1 }, cancellationToken);
            if (left < 0)
            {
                return groupId;
            }
        }

        return null;
    }

    private async Task<IReadOnlyList<ScimResourceRecord>> LoadWindowAsync(Tenant tenant, IReadOnlyList<ScimResourceRecord> records, MemberWindow window, CancellationToken cancellationToken)
    {
        var loaded = new List<ScimResourceRecord>(records.Count);
        foreach (var record in records)
        {
            if (record.Type != ScimResourceType.Group)
            {
                loaded.Add(record);
                continue;
            }

            var total = await memberships.CountDocumentsAsync(MembershipDocuments.OfGroup(tenant, record.Id), cancellationToken: cancellationToken);
            var page = window.Count == 0 ? [] : await EdgesAsync(tenant, Filter.Eq(MongoFields.GroupId, record.Id),
                Builders<BsonDocument>.Sort.Ascending(MongoFields.MemberId), MongoFields.GroupId, MongoFields.MemberId, window, cancellationToken);
            loaded.Add(record with { Members = page.Select(p => p.Edge).ToList(), MemberTotal = (int)total });
        }

        return loaded;
    }

    /// <summary>Edges of the owners matched by <paramref name="owners"/>, each pointing at the resource in <paramref name="otherField"/>, with its display.</summary>
    private async Task<List<(string Owner, MemberReference Edge)>> EdgesAsync(
        Tenant tenant, FilterDefinition<BsonDocument> owners, SortDefinition<BsonDocument> order, string ownerField, string otherField, MemberWindow? window, CancellationToken cancellationToken)
    {
        var find = memberships.Find(MembershipDocuments.InTenant(tenant) & owners).Sort(order);
        if (window is not null)
        {
            find = find.Skip(window.Offset).Limit(window.Count);
        }

        var edges = await find.ToListAsync(cancellationToken);
        var displays = await DisplaysAsync(tenant, edges.Select(e => e[otherField].AsString).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
        return edges.Select(e =>
        {
            var other = e[otherField].AsString;
            var type = Enum.Parse<ScimResourceType>(e.GetValue(MongoFields.MemberType, nameof(ScimResourceType.User)).AsString);
            return (e[ownerField].AsString, new MemberReference(other, type, displays.GetValueOrDefault(other)));
        }).ToList();
    }

    private async Task<Dictionary<string, string?>> DisplaysAsync(Tenant tenant, List<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var documents = await resources.Find(ScimResourceDocument.InTenant(tenant) & Filter.In(MongoFields.ResourceId, ids))
            .Project(Builders<BsonDocument>.Projection.Include(MongoFields.ResourceId).Include(MongoFields.Type)
                .Include(MongoFields.DisplayName).Include(MongoFields.UserName))
            .ToListAsync(cancellationToken);
        return documents.ToDictionary(d => d[MongoFields.ResourceId].AsString, Display, StringComparer.Ordinal);
    }

    /// <summary>Text displayName; for a user without a non-empty one, its text userName.</summary>
    internal static string? Display(BsonDocument resource)
    {
        var attributes = resource.GetValue(MongoFields.Attributes, new BsonDocument()).AsBsonDocument;
        var displayName = attributes.GetValue("displayName", BsonNull.Value) is BsonString { Value: var d } ? d : null;
        if (resource[MongoFields.Type].AsString == nameof(ScimResourceType.User) && string.IsNullOrEmpty(displayName))
        {
            return attributes.GetValue("userName", BsonNull.Value) is BsonString { Value: var u } ? u : null;
        }

        return displayName;
    }

    private static List<string> IdsOf(IReadOnlyList<ScimResourceRecord> records, ScimResourceType type) =>
        records.Where(r => r.Type == type).Select(r => r.Id).ToList();
}
