using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Adapters.Mongo.Diagnostics;
using AutoRfpHex.Adapters.Mongo.Filtering;
using AutoRfpHex.Adapters.Mongo.Scim;
using AutoRfpHex.Adapters.Mongo.Tests.Rendering;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Tests.Diagnostics;

/// <summary>
/// The explain the diagnostics send wraps exactly the operations the store runs for the query: built by the shared
/// builder (<see cref="MongoScimListQueries"/>), compared as BSON with the find or pipeline the store's own code yields.
/// Filters without lookups: building never contacts the server.
/// </summary>
public sealed class ExplainCommandRenderingTests
{
    private static readonly Tenant Tenant = new("org-a", DeploymentEnvironment.Production);
    private static readonly MongoScimQueryTranslation Translation = new();
    private static readonly MongoStore Store = new(new MongoClient("mongodb://127.0.0.1:1"), new MongoStorageOptions("mongodb://127.0.0.1:1", "render"));
    private static readonly IMongoCollection<BsonDocument> Resources = Store.Documents(MongoCollectionNames.ScimResources);

    [Theory]
    [InlineData("userName eq \"ann@example.com\"")]
    [InlineData("emails[type eq \"work\"].value eq \"ann@work.example.com\"")]
    public async Task A_filtered_page_is_explained_as_the_store_s_find_tenant_scoped_in_creation_order(string filter)
    {
        var query = Query(filter, sort: null, startIndex: 1, count: 100);
        var list = await BuildAsync(query);

        var explain = MongoExplainCommands.Explain(MongoExplainCommands.Page(Resources, list));

        var store = list.CreationOrderPage(Resources);
        explain.ShouldRenderAs(new BsonDocument
        {
            {
                "explain", new BsonDocument
                {
                    { "find", MongoCollectionNames.ScimResources },
                    { "filter", (ScimResourceDocument.InTenant(Tenant, ScimResourceType.User) & Translated(query)).Render() },
                    { "sort", MongoScimResourceStore.DefaultOrder.Render() },
                    { "skip", 0 },
                    { "limit", 100 },
                }
            },
            { "verbosity", "executionStats" },
        });
        explain["explain"]["filter"].AsBsonDocument.ShouldRenderAs(store.Filter.Render());
        explain["explain"]["filter"].ToJson().Should().Contain("\"org-a\"", "every explained find is the tenant's");
    }

    [Fact]
    public async Task A_sorted_listing_page_at_a_startIndex_is_explained_as_the_store_s_pipeline()
    {
        var list = await BuildAsync(Query(filter: null, sort: "userName", startIndex: 2001, count: 1000));

        var command = MongoExplainCommands.Page(Resources, list);

        var order = list.Order!;
        order.Stages.Should().BeEmpty("every user has a userName: the order is on the stored field, which the unique index serves");
        command["aggregate"].AsString.Should().Be(MongoCollectionNames.ScimResources);
        command["allowDiskUse"].AsBoolean.Should().BeTrue("a computed-key sort may pass the in-memory limit");
        var stages = command["pipeline"].AsBsonArray.Select(stage => stage.AsBsonDocument).ToList();
        stages.Should().Equal(
            new BsonDocument("$match", ScimResourceDocument.InTenant(Tenant, ScimResourceType.User).Render()),
            new BsonDocument("$sort", order.Sort),
            new BsonDocument("$skip", 2000),
            new BsonDocument("$limit", 1000));
        stages.Should().Equal(list.SortedPage(Resources, order).RenderStages(), "the same pipeline the driver sends for the store");
    }

    [Fact]
    public async Task The_total_is_explained_as_the_driver_counts_the_same_match()
    {
        var query = Query("userName eq \"ann@example.com\"", sort: null, startIndex: 1, count: 100);
        var list = await BuildAsync(query);

        MongoExplainCommands.Count(Resources, list).ShouldRenderAs(new BsonDocument
        {
            { "aggregate", MongoCollectionNames.ScimResources },
            {
                "pipeline", new BsonArray
                {
                    new BsonDocument("$match", list.Filter.Render()),
                    BsonDocument.Parse("{ $group: { _id: 1, n: { $sum: 1 } } }"),
                }
            },
            { "cursor", new BsonDocument() },
        });
    }

    [Theory]
    [InlineData(1, 0, true)]
    [InlineData(5, 100, true)]
    [InlineData(4, 100, false)]
    public async Task No_page_is_read_for_count_0_or_a_startIndex_past_the_total(int startIndex, int count, bool empty)
    {
        var list = await BuildAsync(Query(filter: null, sort: null, startIndex, count));

        list.PageIsEmpty(total: 4).Should().Be(empty);
    }

    private static ScimQuery Query(string? filter, string? sort, int startIndex, int count) => new(
        filter is null ? null : ScimFilterParser.Parse(filter, ScimResourceType.User),
        sort is null ? null : new SortSpecification(new AttributePath(null, sort), Descending: false),
        startIndex, count, ResourceLoadOptions.DocumentOnly);

    private static Task<MongoScimListQuery> BuildAsync(ScimQuery query) =>
        new MongoScimListQueries(Store, Translation).BuildAsync(Tenant, ScimResourceType.User, query, CancellationToken.None);

    private static BsonDocument Translated(ScimQuery query) =>
        Translation.Filter(ScimResourceType.User, query.Filter!, new Dictionary<MongoLookup, IReadOnlyCollection<string>>());
}
