using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Adapters.Mongo.Tests.Server;
using AutoRfpHex.Persistence.ContractTests.Support;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Tests.ServerBehaviour;

/// <summary>MongoDB only: every instance runs the index creation at every start; it must converge on exactly the current set.</summary>
public sealed class IndexInitializerTests : IRequiresMongoServer
{
    private readonly ManualTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Running_it_again_after_an_earlier_version_leaves_the_current_indexes_and_drops_the_retired_ones()
    {
        await using var store = await MongoTestStore.CreateAsync(time);
        // The store was initialised once by CreateAsync; put back an index of an earlier version, then start again twice.
        var initializer = store.Services.GetRequiredService<MongoIndexInitializer>();
        var mongo = store.Services.GetRequiredService<MongoStore>();
        var (collection, retired) = MongoIndexes.Retired[0];
        await mongo.Documents(collection).Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(
            Builders<BsonDocument>.IndexKeys.Ascending("org").Ascending("env").Ascending("attributes.userName"),
            new CreateIndexOptions { Name = retired }));

        await initializer.EnsureIndexesAsync(CancellationToken.None);
        await initializer.EnsureIndexesAsync(CancellationToken.None);

        foreach (var name in MongoIndexes.All(mongo.Options).Select(i => i.Collection).Distinct())
        {
            var existing = await (await mongo.Documents(name).Indexes.ListAsync()).ToListAsync();
            var expected = MongoIndexes.All(mongo.Options).Where(i => i.Collection == name).Select(i => i.Model.Options.Name).Append("_id_");
            existing.Select(i => i["name"].AsString).Should().BeEquivalentTo(expected, $"collection {name}");
        }

        var collections = await (await mongo.Database.ListCollectionNamesAsync()).ToListAsync();
        collections.Should().Contain(MongoCollectionNames.AdminGuards, "transactions write it; two creating it at once would conflict");
    }
}
