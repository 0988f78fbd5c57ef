using System.Diagnostics;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;
using AutoRfpHex.Core.Scim.Service;
using AutoRfpHex.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRfpHex.Bench.Writes;

/// <summary>A seeded group: its id and the members it was given.</summary>
public sealed record SeededGroup(string Id, int Members);

/// <summary>
/// Seeds the directory through the service's store port (<see cref="IScimResourceStore"/>), not HTTP: a million SCIM
/// POSTs would take hours. The rows are what the service itself stores: a user's document is its SCIM body without
/// <c>schemas</c> (the first users go through the service's create use case, and the seed stops if the service stored
/// anything else), ids, version and timestamps are made as the use case makes them, and members are added in batches
/// the way a group PATCH adds them (version + 1 and lastModified per batch, one store transaction each).
/// </summary>
public sealed class DirectorySeeder(IServiceProvider services, Tenant tenant, string scimBaseUrl, DirectoryPeople people, TextWriter progress)
{
    private const int CheckedThroughService = 20;
    private const int MemberBatch = 50_000;
    private readonly IScimResourceStore store = services.GetRequiredService<IScimResourceStore>();
    private readonly List<string> userIds = [];

    /// <summary>Seeded user ids, in seeding order (group N holds the first N).</summary>
    public IReadOnlyList<string> UserIds => userIds;

    public async Task<TimeSpan> SeedUsersAsync(int count, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var service = services.GetRequiredService<ScimResourceService>();
        var context = new ScimCallContext(tenant, scimBaseUrl);
        for (var i = 0; i < Math.Min(CheckedThroughService, count); i++)
        {
            var body = people.Next(i).Body;
            var created = await service.CreateAsync(context, ScimResourceType.User, body.DeepClone().AsObject(), AttributeSelection.All, cancellationToken);
            var id = created.Id;
            var stored = await store.GetAsync(tenant, ScimResourceType.User, id, ResourceLoadOptions.DocumentOnly, cancellationToken);
            if (!JsonNode.DeepEquals(stored!.Attributes, StoredForm(body)))
            {
                throw new InvalidOperationException($"The service stored user {i} differently from what the seed would write: {stored.Attributes.ToJsonString()}");
            }

            userIds.Add(id);
        }

        while (userIds.Count < count)
        {
            // Written concurrently: the store's write lock serialises the transactions, the JSON work of the others overlaps.
            var batch = Enumerable.Range(userIds.Count, Math.Min(10_000, count - userIds.Count)).Select(i => NewUser(people.Next(i).Body)).ToList();
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (user, ct) =>
                Require(await store.CreateAsync(tenant, user, [], ct), $"user {user.Attributes["userName"]}"));
            userIds.AddRange(batch.Select(user => user.Id));
            if (userIds.Count / 100_000 > (userIds.Count - batch.Count) / 100_000 || userIds.Count == count)
            {
                await progress.WriteLineAsync($"  seeded {userIds.Count:N0} users ({clock.Elapsed.TotalSeconds:F0} s)");
            }
        }

        return clock.Elapsed;
    }

    /// <summary>A group created through the service's use case, then given the first <paramref name="members"/> seeded users.</summary>
    public async Task<(SeededGroup Group, TimeSpan Time)> SeedGroupAsync(int members, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var service = services.GetRequiredService<ScimResourceService>();
        var body = new JsonObject { ["schemas"] = new JsonArray(ScimSchemaUris.Group), ["displayName"] = $"All staff ({members:N0})" };
        var created = await service.CreateAsync(new ScimCallContext(tenant, scimBaseUrl), ScimResourceType.Group, body, AttributeSelection.All, cancellationToken);
        var id = created.Id;
        for (var start = 0; start < members; start += MemberBatch)
        {
            var current = await store.GetAsync(tenant, ScimResourceType.Group, id, ResourceLoadOptions.DocumentOnly, cancellationToken);
            var next = current! with { Version = current.Version + 1, LastModified = DateTimeOffset.UtcNow };
            var add = userIds.Skip(start).Take(Math.Min(MemberBatch, members - start)).ToList();
            Require(await store.UpdateAsync(tenant, next, current.Version, new MembershipChange(add, [], ReplaceAll: false), cancellationToken), $"members of group {id}");
        }

        await progress.WriteLineAsync($"  seeded a group of {members:N0} members ({clock.Elapsed.TotalSeconds:F1} s)");
        return (new SeededGroup(id, members), clock.Elapsed);
    }

    /// <summary>The service's stored form of a well-formed user body in canonical names: everything but <c>schemas</c>.</summary>
    private static JsonObject StoredForm(JsonObject body)
    {
        var attributes = body.DeepClone().AsObject();
        attributes.Remove("schemas");
        return attributes;
    }

    /// <summary>A new record as the create use case makes it: a random id without hyphens, version 1, created = lastModified = now.</summary>
    private static ScimResourceRecord NewUser(JsonObject body)
    {
        var now = DateTimeOffset.UtcNow;
        return new ScimResourceRecord(Guid.NewGuid().ToString("N"), ScimResourceType.User, 1, now, now, StoredForm(body));
    }

    private static void Require(StoreWriteResult result, string what)
    {
        if (result.Outcome != StoreWriteOutcome.Written)
        {
            throw new InvalidOperationException($"Seeding {what} failed: {result.Outcome}.");
        }
    }
}
