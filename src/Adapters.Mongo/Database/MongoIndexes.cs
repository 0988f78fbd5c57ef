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
        Unique(MongoCollectionNames.Users, "tenant_userName", Tenant().Ascending(MongoFields.UserName), MongoCollations.CaseInsensitive),
        Plain(MongoCollectionNames.Users, "tenant_resourceId", Tenant().Ascending(MongoFields.ResourceId), unique: true),
        Plain(MongoCollectionNames.Users, "tenant_externalId", Tenant().Ascending(MongoFields.ExternalId)),
        Plain(MongoCollectionNames.Users, "tenant_emails", Tenant().Ascending(MongoFields.EmailValues)),
        Plain(MongoCollectionNames.Users, "tenant_role_active", Tenant().Ascending(MongoFields.Role).Ascending(MongoFields.Active)),

        Unique(MongoCollectionNames.Groups, "tenant_displayName", Tenant().Ascending(MongoFields.DisplayName), MongoCollations.CaseInsensitive),
        Plain(MongoCollectionNames.Groups, "tenant_resourceId", Tenant().Ascending(MongoFields.ResourceId), unique: true),
        Plain(MongoCollectionNames.Groups, "tenant_externalId", Tenant().Ascending(MongoFields.ExternalId)),

        // One document per (group, member): a group of a million members is a million small documents, not one huge array.
        Plain(MongoCollectionNames.Memberships, "tenant_group_member", Tenant().Ascending(MongoFields.GroupId).Ascending(MongoFields.MemberId), unique: true),
        Plain(MongoCollectionNames.Memberships, "tenant_member", Tenant().Ascending(MongoFields.MemberId)),

        Plain(MongoCollectionNames.OAuthClients, "org", Keys().Ascending(MongoFields.OrganizationId)),
        Plain(MongoCollectionNames.ClientSecrets, "org_client", Keys().Ascending(MongoFields.OrganizationId).Ascending("clientId")),

        // The admin log reads one organization newest first; retention drops old events on the server.
        Plain(MongoCollectionNames.ProvisioningLog, "org_time", Keys().Ascending(MongoFields.OrganizationId).Descending(MongoFields.Time).Descending(MongoFields.Sequence)),
        new(MongoCollectionNames.ProvisioningLog, new CreateIndexModel<BsonDocument>(
            Keys().Ascending(MongoFields.Time),
            new CreateIndexOptions { Name = "time_ttl", ExpireAfter = options.ProvisioningLogRetention })),
    ];

    private static IndexKeysDefinitionBuilder<BsonDocument> Keys() => Builders<BsonDocument>.IndexKeys;

    private static IndexKeysDefinition<BsonDocument> Tenant() =>
        Keys().Ascending(MongoFields.OrganizationId).Ascending(MongoFields.Environment);

    private static MongoIndex Plain(string collection, string name, IndexKeysDefinition<BsonDocument> keys, bool unique = false) =>
        new(collection, new CreateIndexModel<BsonDocument>(keys, new CreateIndexOptions { Name = name, Unique = unique ? true : null }));

    private static MongoIndex Unique(string collection, string name, IndexKeysDefinition<BsonDocument> keys, Collation collation) =>
        new(collection, new CreateIndexModel<BsonDocument>(keys, new CreateIndexOptions { Name = name, Unique = true, Collation = collation }));
}
