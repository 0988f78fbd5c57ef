using AutoRfpHex.Core.Scim.Resources;
using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Filtering;

/// <summary>
/// The whole query document of a list: tenant (org, env) and type first, as equalities an index on
/// (org, env, type, …) starts from, then the translated filter. Every regex a filter carries is evaluated only on the
/// documents of that one tenant and type.
/// </summary>
public static class MongoQueryFilter
{
    public static BsonDocument Tenant(string organization, string environment) =>
        new() { { MongoResourceFields.Organization, organization }, { MongoResourceFields.Environment, environment } };

    public static BsonDocument For(string organization, string environment, ScimResourceType type, BsonDocument? filter)
    {
        var scope = Tenant(organization, environment).Add(MongoResourceFields.ResourceType, MongoResourceFields.TypeName(type));
        return filter is null || MongoConditions.IsAlways(filter) ? scope : MongoConditions.And(scope, filter);
    }
}
