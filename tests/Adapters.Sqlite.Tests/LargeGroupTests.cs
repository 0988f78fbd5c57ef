using System.Text.Json;
using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Persistence.ContractTests.Support;
using static AutoRfpHex.Persistence.ContractTests.Support.Filters;

namespace AutoRfpHex.Adapters.Sqlite.Tests;

/// <summary>A group of many thousand members: set in one batch, then edited one member at a time, membership rows only.</summary>
public sealed class LargeGroupTests : IAsyncLifetime
{
    private const int Size = 20_000;
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TemporaryDatabase file = new();

    public Task InitializeAsync() => file.InitializeAsync();

    public Task DisposeAsync() => file.DisposeAsync();

    [Fact]
    public async Task A_group_of_twenty_thousand_takes_one_batch_and_single_member_edits()
    {
        var store = await file.OpenStoreAsync();
        var ids = Enumerable.Range(0, Size + 1).Select(i => $"u{i:D6}").ToList();
        await using (var connection = await file.OpenConnectionAsync())
        {
            // Bulk setup straight in SQL: the users themselves are not what this test measures.
            await connection.ExecuteAsync(
                """
                INSERT INTO scim_resources (organization_id, environment, id, resource_type, version, created, last_modified, role, is_integration_user, attributes)
                SELECT 'org-a', 'production', j.value, 'User', 1, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z', 'Member', 0,
                       json_object('userName', j.value)
                FROM json_each($ids) AS j;
                """,
                None, ("$ids", JsonSerializer.Serialize(ids)));
        }

        var records = new ScimRecords(store, file.Time);
        var group = await records.CreateAsync(Tenants.AProduction, records.Group("Everyone"), [.. ids.Take(Size)]);
        var current = group;
        foreach (var change in new[] { new MembershipChange([ids[Size]], [], false), new MembershipChange([], [ids[0]], false) })
        {
            var result = await store.Resources.UpdateAsync(Tenants.AProduction, records.NextVersion(current), current.Version, change, None);
            result.Outcome.Should().Be(StoreWriteOutcome.Written);
            current = result.Resource!;
        }

        var loaded = await store.Resources.GetAsync(Tenants.AProduction, ScimResourceType.Group, group.Id, ResourceLoadOptions.Full, None);
        loaded!.Members.Should().HaveCount(Size);
        loaded.Members[0].Value.Should().Be(ids[1]);
        loaded.Members[^1].Value.Should().Be(ids[Size]);
        var holding = await store.Resources.QueryAsync(Tenants.AProduction, ScimResourceType.Group,
            new ScimQuery(Eq("members.value", ids[Size]), null, 1, 10, ResourceLoadOptions.DocumentOnly), None);
        holding.TotalResults.Should().Be(1);
    }
}
