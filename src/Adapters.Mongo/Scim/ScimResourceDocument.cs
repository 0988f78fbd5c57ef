using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Adapters.Mongo.Filtering;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Scim;

/// <summary>
/// A SCIM resource as a BSON document (layout in <see cref="MongoFields"/>). BsonDocument rather than a class: the attributes
/// are schema-driven JSON, and filter translation addresses them by path.
/// </summary>
public static class ScimResourceDocument
{
    private static readonly FilterDefinitionBuilder<BsonDocument> Filter = Builders<BsonDocument>.Filter;

    public static BsonDocument From(Tenant tenant, ScimResourceRecord resource) => new()
    {
        { MongoFields.OrganizationId, tenant.OrganizationId },
        { MongoFields.Environment, tenant.Environment.ToString() },
        { MongoFields.Type, resource.Type.ToString() },
        { MongoFields.ResourceId, resource.Id },
        { MongoFields.Version, resource.Version },
        { MongoFields.Created, new BsonDateTime(resource.Created.UtcDateTime) },
        { MongoFields.LastModified, new BsonDateTime(resource.LastModified.UtcDateTime) },
        { MongoFields.Role, resource.Role.ToString() },
        { MongoFields.IsIntegrationUser, resource.IsIntegrationUser },
        { MongoFields.Attributes, ScimAttributesBson.ToBson(resource.Attributes) },
        { MongoFields.Search, MongoSearchView.Of(resource.Type, resource.Attributes) },
    };

    public static ScimResourceRecord ToRecord(BsonDocument document) =>
        new(
            document[MongoFields.ResourceId].AsString,
            Enum.Parse<ScimResourceType>(document[MongoFields.Type].AsString),
            document[MongoFields.Version].ToInt64(),
            new DateTimeOffset(document[MongoFields.Created].ToUniversalTime()),
            new DateTimeOffset(document[MongoFields.LastModified].ToUniversalTime()),
            ScimAttributesBson.ToJson(document[MongoFields.Attributes].AsBsonDocument))
        {
            Role = Enum.Parse<AccountRole>(document[MongoFields.Role].AsString),
            IsIntegrationUser = document[MongoFields.IsIntegrationUser].AsBoolean,
        };

    /// <summary>The tenant's resources of one type: the prefix of every query and write.</summary>
    public static FilterDefinition<BsonDocument> InTenant(Tenant tenant, ScimResourceType type) =>
        InTenant(tenant) & Filter.Eq(MongoFields.Type, type.ToString());

    /// <summary>All the tenant's resources, users and groups.</summary>
    public static FilterDefinition<BsonDocument> InTenant(Tenant tenant) =>
        Filter.Eq(MongoFields.OrganizationId, tenant.OrganizationId) & Filter.Eq(MongoFields.Environment, tenant.Environment.ToString());

    public static FilterDefinition<BsonDocument> One(Tenant tenant, ScimResourceType type, string id) =>
        InTenant(tenant, type) & Filter.Eq(MongoFields.ResourceId, id);

    /// <summary>The update that replaces everything but tenant, id, type and created (as the embedded store's replace).</summary>
    public static UpdateDefinition<BsonDocument> Replacement(ScimResourceRecord resource) =>
        Builders<BsonDocument>.Update
            .Set(MongoFields.Version, resource.Version)
            .Set(MongoFields.LastModified, new BsonDateTime(resource.LastModified.UtcDateTime))
            .Set(MongoFields.Role, resource.Role.ToString())
            .Set(MongoFields.IsIntegrationUser, resource.IsIntegrationUser)
            .Set(MongoFields.Attributes, ScimAttributesBson.ToBson(resource.Attributes))
            .Set(MongoFields.Search, MongoSearchView.Of(resource.Type, resource.Attributes));
}
