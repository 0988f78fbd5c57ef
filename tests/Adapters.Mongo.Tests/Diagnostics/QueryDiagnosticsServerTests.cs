using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Adapters.Mongo.Diagnostics;
using AutoRfpHex.Adapters.Mongo.Scim;
using AutoRfpHex.Adapters.Mongo.Tests.Server;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using AutoRfpHex.Persistence.ContractTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRfpHex.Adapters.Mongo.Tests.Diagnostics;

/// <summary>
/// Against a server: the diagnostics explain what the store answers (the same total), the userName lookup reads one key
/// of the unique index, and the listing sorted by userName takes its order from that index. Skipped where no MongoDB answers.
/// </summary>
public sealed class QueryDiagnosticsServerTests : IRequiresMongoServer
{
    private static readonly Tenant Tenant = new("org-a", DeploymentEnvironment.Production);
    private readonly ManualTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_userName_lookup_reads_one_key_of_the_unique_index_and_a_userName_listing_needs_no_sort()
    {
        await using var store = await MongoTestStore.CreateAsync(time);
        var records = new ScimRecords(store, time);
        // Enough users that the unique index plan wins the planner's trial outright (with 3 it ties the creation-order plan).
        foreach (var name in new[] { "bob" }.Concat(Enumerable.Range(0, 24).Select(i => $"user{i:00}")))
        {
            await records.CreateUserAsync(Tenant, name);
        }

        var lookup = await DiagnoseAsync(store, new ScimQuery(
            ScimFilterParser.Parse("userName eq \"bob\"", ScimResourceType.User), null, 1, 100, ResourceLoadOptions.DocumentOnly));
        var listing = await DiagnoseAsync(store, new ScimQuery(
            null, new SortSpecification(new AttributePath(null, "userName"), Descending: false), 2, 100, ResourceLoadOptions.DocumentOnly));

        lookup.Total.Should().Be(1);
        lookup.Page!.Indexes.Should().Contain(MongoIndexes.UserNameIndex);
        (lookup.Page.KeysExamined, lookup.Page.Returned).Should().Be((1L, 1L));
        listing.Total.Should().Be(25);
        listing.Page!.Returned.Should().Be(24, "startIndex 2 of 25");
        listing.Page.InMemorySort.Should().BeFalse("userName is unique among users, so the unique index alone gives the order");
    }

    private static Task<MongoQueryDiagnosis> DiagnoseAsync(PersistencePorts store, ScimQuery query) =>
        MongoQueryDiagnostics.DiagnoseAsync(
            store.Services.GetRequiredService<MongoStore>(), store.Services.GetRequiredService<IMongoScimQueryTranslation>(),
            Tenant, ScimResourceType.User, query, CancellationToken.None);
}
