using AutoRfpHex.Adapters.Mongo.Tests.Server;
using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using AutoRfpHex.Persistence.ContractTests.Support;

namespace AutoRfpHex.Adapters.Mongo.Tests.ServerBehaviour;

/// <summary>
/// MongoDB only: the ids a filter's membership lookups find travel inside the resource query, which the server caps at 16 MB.
/// Past <see cref="MongoStorageOptions.MaxFilterLookupIds"/> the filter is a 400 tooMany, never a truncated answer or a 500.
/// </summary>
public sealed class FilterLookupLimitTests : IRequiresMongoServer
{
    private static readonly Tenant Tenant = new("org-a", DeploymentEnvironment.Production);
    private readonly ManualTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_filter_within_the_limit_finds_every_member_and_one_past_it_is_refused_as_tooMany()
    {
        await using var store = await MongoTestStore.CreateAsync(time, options => options with { MaxFilterLookupIds = 3 });
        var records = new ScimRecords(store, time);
        var users = new List<string>();
        foreach (var name in new[] { "ann", "bob", "cid", "dee" })
        {
            users.Add((await records.CreateUserAsync(Tenant, name)).Id);
        }

        var three = await records.CreateGroupAsync(Tenant, "three", users[0], users[1], users[2]);
        var four = await records.CreateGroupAsync(Tenant, "four", [.. users]);

        var found = await QueryAsync(store, $"groups.value eq \"{three.Id}\"");
        found.Resources.Select(r => r.Id).Should().BeEquivalentTo(users.Take(3));

        var refused = async () => await QueryAsync(store, $"groups.value eq \"{four.Id}\"");
        (await refused.Should().ThrowAsync<ScimException>()).Which.ScimType.Should().Be(ScimErrorTypes.TooMany);
    }

    [Fact]
    public async Task The_limit_counts_the_ids_of_every_lookup_of_one_filter()
    {
        await using var store = await MongoTestStore.CreateAsync(time, options => options with { MaxFilterLookupIds = 3 });
        var records = new ScimRecords(store, time);
        var ann = await records.CreateUserAsync(Tenant, "ann");
        var bob = await records.CreateUserAsync(Tenant, "bob");
        var first = await records.CreateGroupAsync(Tenant, "first", ann.Id, bob.Id);
        var second = await records.CreateGroupAsync(Tenant, "second", ann.Id, bob.Id);

        var refused = async () => await QueryAsync(store, $"groups.value eq \"{first.Id}\" or groups.value eq \"{second.Id}\"");

        (await refused.Should().ThrowAsync<ScimException>()).Which.ScimType.Should().Be(ScimErrorTypes.TooMany);
    }

    private static Task<ScimQueryPage> QueryAsync(PersistencePorts store, string filter) =>
        store.Resources.QueryAsync(Tenant, ScimResourceType.User,
            new ScimQuery(ScimFilterParser.Parse(filter, ScimResourceType.User), null, 1, 100, ResourceLoadOptions.DocumentOnly), CancellationToken.None);
}
