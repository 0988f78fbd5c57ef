using AutoRfpHex.Adapters.Mongo.Filtering;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Tests.Filtering;

/// <summary>The driver takes the translated documents unchanged as FilterDefinition and SortDefinition.</summary>
public sealed class DriverRenderingTests
{
    private static readonly RenderArgs<BsonDocument> Args = new(BsonDocumentSerializer.Instance, BsonSerializer.SerializerRegistry);

    [Fact]
    public void The_tenant_scope_comes_first_and_the_driver_renders_the_filter_as_built()
    {
        var translated = new MongoFilterTranslator(ScimResourceType.User, _ => [])
            .Translate(ScimFilterParser.Parse("userName sw \"a\" and not (active eq true)", ScimResourceType.User));
        FilterDefinition<BsonDocument> filter = MongoQueryFilter.For("org-1", "production", ScimResourceType.User, translated);

        MongoRendering.Json(filter.Render(Args)).Should().Be(MongoRendering.Expected(
            "{ '$and': [ { 'org': 'org-1', 'env': 'production', 'type': 'User' }, { 'search.userName': /^A/ }, { '$nor': [ { 'search.active': true } ] } ] }"));
    }

    [Fact]
    public void No_filter_is_only_the_tenant_scope() =>
        MongoRendering.Json(MongoQueryFilter.For("o", "e", ScimResourceType.Group, null))
            .Should().Be(MongoRendering.Expected("{ 'org': 'o', 'env': 'e', 'type': 'Group' }"));

    [Fact]
    public void The_sort_renders_through_the_driver()
    {
        SortDefinition<BsonDocument> sort = MongoSortOrder.For(ScimResourceType.User, null).Sort;

        MongoRendering.Json(sort.Render(Args)).Should().Be(MongoRendering.Expected("{ 'created': 1, 'resourceId': 1 }"));
    }
}
