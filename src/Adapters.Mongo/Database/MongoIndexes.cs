using AutoRfpHex.Core.Scim.Resources;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Database;

/// <summary>One index of one collection, by name so that creating it again is a no-op.</summary>
public sealed record MongoIndex(string Collection, CreateIndexModel<BsonDocument> Model);

/// <summary>
/// Every index of the store. Uniqueness the service promises (userName, group displayName, one membership per pair)
/// is enforced here, by the database, so it holds under concurrent creates from several instances.
/// </summary>
public static class MongoIndexes
{
    public static IReadOnlyList<MongoIndex> All(MongoStorageOptions options) =>
    [
        // Ids are unique across users and groups of a tenant (a member id names either).
        Plain(MongoCollectionNames.ScimResources, ResourceIdIndex, Tenant().Ascending(MongoFields.ResourceId), unique: true),
        // userName and group displayName: unique on the folded search view (the Core fold, as the embedded store), so both stores
        // accept and refuse the same names. These also serve userName filters and the accounts list, which compare the same field.
        Unique(MongoCollectionNames.ScimResources, UserNameIndex, Tenant().Ascending(MongoFields.SearchUserName), ScimResourceType.User),
        Unique(MongoCollectionNames.ScimResources, GroupDisplayNameIndex, Tenant().Ascending(MongoFields.SearchDisplayName), ScimResourceType.Group),

        // SCIM filters compare the search view (folded strings, no collation), so their equality and prefix matches use these.
        Plain(MongoCollectionNames.ScimResources, "tenant_type_search_displayName", Tenant().Ascending(MongoFields.Type).Ascending(MongoFields.SearchDisplayName)),
        Plain(MongoCollectionNames.ScimResources, "tenant_type_search_externalId", Tenant().Ascending(MongoFields.Type).Ascending(MongoFields.SearchExternalId)),
        Plain(MongoCollectionNames.ScimResources, "tenant_type_search_emails", Tenant().Ascending(MongoFields.Type).Ascending(MongoFields.SearchEmailValues)),

        // Default order of a list (no sortBy): creation time, then id.
        Plain(MongoCollectionNames.ScimResources, "tenant_type_created", Tenant().Ascending(MongoFields.Type).Ascending(MongoFields.Created).Ascending(MongoFields.ResourceId)),

        // The last-active-Admin check and the role filter of the accounts list.
        Plain(MongoCollectionNames.ScimResources, "tenant_type_role", Tenant().Ascending(MongoFields.Type).Ascending(MongoFields.Role)),

        // One document per (group, member): a group of a million members is a million small documents, not one huge array.
        Plain(MongoCollectionNames.Memberships, "tenant_group_member", Tenant().Ascending(MongoFields.GroupId).Ascending(MongoFields.MemberId), unique: true),
        Plain(MongoCollectionNames.Memberships, "tenant_member", Tenant().Ascending(MongoFields.MemberId)),
        // A user's groups.value is not caseExact, so filters on it compare the folded group id.
        Plain(MongoCollectionNames.Memberships, "tenant_groupFolded", Tenant().Ascending(MongoFields.GroupIdFolded)),

        Plain(MongoCollectionNames.OAuthClients, "org", Keys().Ascending(MongoFields.OrganizationId)),
        Plain(MongoCollectionNames.ClientSecrets, "org_client", Keys().Ascending(MongoFields.OrganizationId).Ascending("clientId")),

        // The admin log reads one organization newest first; retention drops old events on the server.
        Plain(MongoCollectionNames.ProvisioningLog, "org_time", Keys().Ascending(MongoFields.OrganizationId).Descending(MongoFields.Time).Descending(MongoFields.Sequence)),
        new(MongoCollectionNames.ProvisioningLog, new CreateIndexModel<BsonDocument>(
            Keys().Ascending(MongoFields.Time),
            new CreateIndexOptions { Name = "time_ttl", ExpireAfter = options.ProvisioningLogRetention })),
    ];

    public const string ResourceIdIndex = "tenant_resourceId";
    public const string UserNameIndex = "tenant_search_userName_unique";
    public const string GroupDisplayNameIndex = "tenant_search_groupDisplayName_unique";

    /// <summary>
    /// Indexes earlier versions created and this one drops at start (after creating the current ones, so uniqueness is never
    /// unguarded). The first two enforced uniqueness through an ICU collation (strength 2), which equates more than the
    /// Core fold ("straße" = "strasse"): the stores disagreed on which names were taken.
    /// </summary>
    public static IReadOnlyList<(string Collection, string Name)> Retired { get; } =
    [
        (MongoCollectionNames.ScimResources, "tenant_userName"),
        (MongoCollectionNames.ScimResources, "tenant_displayName"),
        (MongoCollectionNames.ScimResources, "tenant_type_search_userName"),
    ];

    private static IndexKeysDefinitionBuilder<BsonDocument> Keys() => Builders<BsonDocument>.IndexKeys;

    private static IndexKeysDefinition<BsonDocument> Tenant() =>
        Keys().Ascending(MongoFields.OrganizationId).Ascending(MongoFields.Environment);

    private static MongoIndex Plain(string collection, string name, IndexKeysDefinition<BsonDocument> keys, bool unique = false) =>
        new(collection, new CreateIndexModel<BsonDocument>(keys, new CreateIndexOptions { Name = name, Unique = unique ? true : null }));

    /// <summary>
    /// Unique among the resources of one type: a partial index, so a user's userName never clashes with a group. A query uses
    /// it when it names the type, as every resource query does.
    /// </summary>
    private static MongoIndex Unique(string collection, string name, IndexKeysDefinition<BsonDocument> keys, ScimResourceType type) =>
        new(collection, new CreateIndexModel<BsonDocument>(keys, new CreateIndexOptions<BsonDocument>
        {
            Name = name,
            Unique = true,
            PartialFilterExpression = Builders<BsonDocument>.Filter.Eq(MongoFields.Type, type.ToString()),
        }));
}
