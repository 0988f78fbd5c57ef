using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using AutoRfpHex.Persistence.ContractTests.Support;
using static AutoRfpHex.Persistence.ContractTests.Support.Filters;

namespace AutoRfpHex.Adapters.Sqlite.Tests;

/// <summary>
/// Many writers at once, through two store instances on one file (as two service processes): BEGIN IMMEDIATE serialises
/// them, so nothing is lost, uniqueness holds, and version-conditional writes let exactly one of two racers win.
/// </summary>
public sealed class ConcurrencyTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Tenant Tenant = Tenants.AProduction;
    private readonly TemporaryDatabase file = new();
    private PersistencePorts[] instances = [];

    public async Task InitializeAsync() => instances = [await file.OpenStoreAsync(), await file.OpenStoreAsync()];

    public Task DisposeAsync() => file.DisposeAsync();

    private PersistencePorts Instance(int i) => instances[i % instances.Length];

    [Fact]
    public async Task Parallel_creates_of_distinct_users_all_persist()
    {
        var records = new ScimRecords(instances[0], file.Time);
        var users = Enumerable.Range(0, 60).Select(i => records.User($"user{i:D3}")).ToList();

        var results = await Task.WhenAll(users.Select((u, i) => Task.Run(() => Instance(i).Resources.CreateAsync(Tenant, u, [], None))));

        results.Should().OnlyContain(r => r.Outcome == StoreWriteOutcome.Written);
        var all = await instances[0].Resources.QueryAsync(Tenant, ScimResourceType.User, new ScimQuery(null, null, 1, 1000, ResourceLoadOptions.DocumentOnly), None);
        all.Resources.Select(r => r.Id).Should().BeEquivalentTo(users.Select(u => u.Id));
    }

    [Fact]
    public async Task Parallel_creates_of_one_userName_in_any_case_have_exactly_one_winner()
    {
        var records = new ScimRecords(instances[0], file.Time);
        var contenders = Enumerable.Range(0, 40).Select(i => records.User(i % 2 == 0 ? "Élodie@Example.com" : "élodie@example.COM")).ToList();

        var results = await Task.WhenAll(contenders.Select((u, i) => Task.Run(() => Instance(i).Resources.CreateAsync(Tenant, u, [], None))));

        results.Count(r => r.Outcome == StoreWriteOutcome.Written).Should().Be(1);
        results.Where(r => r.Outcome != StoreWriteOutcome.Written).Should()
            .OnlyContain(r => r.Outcome == StoreWriteOutcome.UniquenessViolation && r.ConflictingAttribute == "userName");
        var matches = await instances[1].Resources.QueryAsync(Tenant, ScimResourceType.User,
            new ScimQuery(Eq("userName", "ÉLODIE@EXAMPLE.COM"), null, 1, 100, ResourceLoadOptions.DocumentOnly), None);
        matches.TotalResults.Should().Be(1);
    }

    [Fact]
    public async Task Racing_single_member_adds_retried_on_version_mismatch_lose_nothing()
    {
        var records = new ScimRecords(instances[0], file.Time);
        var members = new List<ScimResourceRecord>();
        for (var i = 0; i < 30; i++)
        {
            members.Add(await records.CreateUserAsync(Tenant, $"member{i:D2}"));
        }

        var group = await records.CreateGroupAsync(Tenant, "Everyone");
        var mismatches = 0;

        // What Core does with a PATCH that loses a race: read the current version, re-apply, write conditionally.
        async Task AddAsync(PersistencePorts store, string memberId)
        {
            while (true)
            {
                var current = await store.Resources.GetAsync(Tenant, ScimResourceType.Group, group.Id, ResourceLoadOptions.DocumentOnly, None);
                var next = current! with { Version = current.Version + 1 };
                var result = await store.Resources.UpdateAsync(Tenant, next, current.Version, new MembershipChange([memberId], [], false), None);
                if (result.Outcome == StoreWriteOutcome.Written)
                {
                    return;
                }

                result.Outcome.Should().Be(StoreWriteOutcome.VersionMismatch);
                Interlocked.Increment(ref mismatches);
            }
        }

        await Task.WhenAll(members.Select((m, i) => Task.Run(() => AddAsync(Instance(i), m.Id))));

        var final = await instances[1].Resources.GetAsync(Tenant, ScimResourceType.Group, group.Id, ResourceLoadOptions.Full, None);
        final!.Members.Select(m => m.Value).Should().BeEquivalentTo(members.Select(m => m.Id));
        final.Version.Should().Be(1 + members.Count, "every add was one successful conditional write");
    }

    [Fact]
    public async Task Readers_are_not_blocked_while_another_instance_holds_the_write_lock()
    {
        var ann = await new ScimRecords(instances[0], file.Time).CreateUserAsync(Tenant, "ann");
        await using var writer = await file.OpenConnectionAsync();
        await using var transaction = writer.BeginTransaction(deferred: false);

        var read = await instances[1].Resources.GetAsync(Tenant, ScimResourceType.User, ann.Id, ResourceLoadOptions.Full, None)
            .WaitAsync(TimeSpan.FromSeconds(5));

        read.Should().NotBeNull("WAL lets readers proceed while a writer holds the lock");
    }
}
