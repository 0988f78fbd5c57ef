using AutoRfpHex.Core.ProvisioningLog;
using AutoRfpHex.Core.Tenancy;
using AutoRfpHex.Persistence.ContractTests.Support;

namespace AutoRfpHex.Persistence.ContractTests;

/// <summary>IProvisioningLog: newest first, filtered by client and outcome, paged, with the total; per organization.</summary>
public abstract class ProvisioningLogContract : PersistenceContract
{
    private ProvisioningEvent Event(string organizationId = "org-a", string? clientId = "client-1", ProvisioningOutcome outcome = ProvisioningOutcome.Success)
    {
        var time = Time.Advance(TimeSpan.FromSeconds(1));
        return new ProvisioningEvent(
            Guid.NewGuid().ToString(), time, organizationId, DeploymentEnvironment.Production, clientId, "user-1", "POST /Users", "User",
            "res-1", outcome, outcome == ProvisioningOutcome.Success ? 201 : 409, outcome == ProvisioningOutcome.Success ? null : "userName taken");
    }

    private Task<ProvisioningEventPage> QueryAsync(string organizationId, string? clientId = null, ProvisioningOutcome? outcome = null, int start = 1, int count = 50) =>
        Store.Log.QueryAsync(organizationId, new ProvisioningEventQuery(clientId, outcome, start, count), None);

    [Fact]
    public async Task Events_read_back_whole_and_newest_first()
    {
        var first = Event() with { Change = ProvisioningChange.Deactivated };
        var token = new ProvisioningEvent(Guid.NewGuid().ToString(), Time.Advance(TimeSpan.FromSeconds(1)), "org-a", null, null, null, "token",
            null, null, ProvisioningOutcome.Failure, 401, "unknown client");
        await Store.Log.AppendAsync(first, None);
        await Store.Log.AppendAsync(token, None);

        var page = await QueryAsync("org-a");

        page.Events.Should().Equal(token, first);
        page.TotalResults.Should().Be(2);
    }

    [Fact]
    public async Task A_batch_of_events_is_stored_whole_in_order()
    {
        var at = Time.GetUtcNow();
        var events = Enumerable.Range(0, 3).Select(i => Event() with { Time = at, Operation = $"Bulk op{i}" }).ToList();

        await Store.Log.AppendAllAsync(events, None);

        var page = await QueryAsync("org-a");
        page.Events.Should().Equal(events[2], events[1], events[0]);
    }

    [Fact]
    public async Task Events_in_the_same_instant_keep_newest_first_by_arrival()
    {
        var at = Time.GetUtcNow();
        var events = Enumerable.Range(0, 3).Select(i => Event() with { Time = at, Operation = $"op{i}" }).ToList();
        foreach (var e in events)
        {
            await Store.Log.AppendAsync(e, None);
        }

        (await QueryAsync("org-a")).Events.Select(e => e.Operation).Should().Equal("op2", "op1", "op0");
    }

    [Fact]
    public async Task Filters_by_client_and_outcome_and_counts_what_matches()
    {
        await Store.Log.AppendAsync(Event(clientId: "client-1"), None);
        await Store.Log.AppendAsync(Event(clientId: "client-2"), None);
        await Store.Log.AppendAsync(Event(clientId: "client-1", outcome: ProvisioningOutcome.Failure), None);

        (await QueryAsync("org-a", clientId: "client-1")).TotalResults.Should().Be(2);
        (await QueryAsync("org-a", outcome: ProvisioningOutcome.Failure)).Events.Should().ContainSingle().Which.Status.Should().Be(409);
        (await QueryAsync("org-a", "client-2", ProvisioningOutcome.Success)).Events.Should().ContainSingle().Which.ClientId.Should().Be("client-2");
        (await QueryAsync("org-a", "client-2", ProvisioningOutcome.Failure)).TotalResults.Should().Be(0);
    }

    [Fact]
    public async Task Pages_with_a_one_based_start_and_a_count()
    {
        var events = new List<ProvisioningEvent>();
        for (var i = 0; i < 7; i++)
        {
            events.Add(Event());
            await Store.Log.AppendAsync(events[^1], None);
        }

        var newestFirst = events.AsEnumerable().Reverse().ToList();
        (await QueryAsync("org-a", start: 1, count: 3)).Events.Should().Equal(newestFirst.Take(3));
        (await QueryAsync("org-a", start: 4, count: 3)).Events.Should().Equal(newestFirst.Skip(3).Take(3));
        var last = await QueryAsync("org-a", start: 7, count: 3);
        last.Events.Should().Equal(newestFirst[6]);
        last.TotalResults.Should().Be(7);
        var countOnly = await QueryAsync("org-a", count: 0);
        countOnly.Events.Should().BeEmpty();
        countOnly.TotalResults.Should().Be(7);
    }

    [Fact]
    public async Task An_organization_reads_only_its_own_events()
    {
        await Store.Log.AppendAsync(Event("org-a"), None);
        await Store.Log.AppendAsync(Event("org-b", clientId: "client-b"), None);

        (await QueryAsync("org-a")).Events.Should().ContainSingle().Which.OrganizationId.Should().Be("org-a");
        (await QueryAsync("org-b", clientId: "client-1")).TotalResults.Should().Be(0);
        (await QueryAsync("org-c")).TotalResults.Should().Be(0);
    }

    [Fact]
    public async Task Retention_removes_the_events_before_the_cutoff_in_every_organization_and_keeps_the_rest()
    {
        var old = new[] { Event("org-a"), Event("org-b"), Event("org-a", outcome: ProvisioningOutcome.Failure) };
        var cutoff = Time.Advance(TimeSpan.FromSeconds(1));
        var atCutoff = Event("org-a") with { Time = cutoff };
        var recent = new[] { Event("org-a"), Event("org-b") };
        foreach (var e in old.Append(atCutoff).Concat(recent))
        {
            await Store.Log.AppendAsync(e, None);
        }

        var removed = await Store.Log.DeleteOlderThanAsync(cutoff, None);

        removed.Should().Be(3);
        (await QueryAsync("org-a")).Events.Should().BeEquivalentTo([recent[0], atCutoff]);
        (await QueryAsync("org-b")).Events.Should().Equal(recent[1]);
        (await Store.Log.DeleteOlderThanAsync(cutoff, None)).Should().Be(0, "a second round finds nothing left");
    }
}
