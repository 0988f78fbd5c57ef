using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Adapters.Mongo.Documents;
using AutoRfpHex.Core.ProvisioningLog;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.ProvisioningLog;

internal sealed class MongoProvisioningLog(MongoStore store) : IProvisioningLog
{
    private static readonly FilterDefinitionBuilder<ProvisioningEventDocument> Filter = Builders<ProvisioningEventDocument>.Filter;

    // Orders events of the same time (a bulk request's operations) by write order; starts at the process start time so a
    // restarted instance keeps counting upwards.
    private static long sequence = DateTime.UtcNow.Ticks;

    private readonly IMongoCollection<ProvisioningEventDocument> events = store.Collection<ProvisioningEventDocument>(MongoCollectionNames.ProvisioningLog);

    public Task AppendAsync(ProvisioningEvent provisioningEvent, CancellationToken cancellationToken) =>
        AppendAllAsync([provisioningEvent], cancellationToken);

    public async Task AppendAllAsync(IReadOnlyList<ProvisioningEvent> provisioningEvents, CancellationToken cancellationToken)
    {
        if (provisioningEvents.Count == 0)
        {
            return;
        }

        var documents = provisioningEvents.Select(e => ProvisioningEventDocument.From(e, Interlocked.Increment(ref sequence))).ToList();
        await events.InsertManyAsync(documents, new InsertManyOptions { IsOrdered = true }, cancellationToken);
    }

    public async Task<ProvisioningEventPage> QueryAsync(string organizationId, ProvisioningEventQuery query, CancellationToken cancellationToken)
    {
        var filter = Matching(organizationId, query);
        var total = await events.CountDocumentsAsync(filter, cancellationToken: cancellationToken);
        if (query.Count <= 0)
        {
            return new ProvisioningEventPage([], (int)total);
        }

        // Limit(0) would mean "no limit" to MongoDB, hence the early return above.
        var page = await events.Find(filter)
            .Sort(NewestFirst)
            .Skip(Math.Max(query.StartIndex, 1) - 1)
            .Limit(Math.Max(query.Count, 0))
            .ToListAsync(cancellationToken);
        return new ProvisioningEventPage(page.ConvertAll(e => e.ToEvent()), (int)total);
    }

    internal static readonly SortDefinition<ProvisioningEventDocument> NewestFirst =
        Builders<ProvisioningEventDocument>.Sort.Descending(e => e.Time).Descending(e => e.Sequence);

    internal static FilterDefinition<ProvisioningEventDocument> Matching(string organizationId, ProvisioningEventQuery query)
    {
        var filter = Filter.Eq(e => e.OrganizationId, organizationId);
        if (query.ClientId is not null)
        {
            filter &= Filter.Eq(e => e.ClientId, query.ClientId);
        }

        if (query.Outcome is { } outcome)
        {
            filter &= Filter.Eq(e => e.Outcome, outcome);
        }

        return filter;
    }

    /// <summary>The TTL index removes old events on its own (about once a minute); this removes them at once, on request.</summary>
    public async Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        (await events.DeleteManyAsync(OlderThan(cutoff), cancellationToken)).DeletedCount;

    /// <summary>Events of every organization before the cutoff (the time_ttl index serves it).</summary>
    internal static FilterDefinition<ProvisioningEventDocument> OlderThan(DateTimeOffset cutoff) => Filter.Lt(e => e.Time, cutoff);
}
