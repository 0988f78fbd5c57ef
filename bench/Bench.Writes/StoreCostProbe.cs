using System.Diagnostics;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Service;
using AutoRfpHex.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRfpHex.Bench.Writes;

/// <summary>
/// Times the steps of a member add inside the service, without HTTP, from the app's DI container: reading the group,
/// reading its members, building the response, writing one member. Set beside the HTTP timings, they show where an
/// add's time goes as the group grows.
/// </summary>
public sealed class StoreCostProbe(IServiceProvider services, Tenant tenant, string scimBaseUrl, CancellationToken cancellationToken)
{
    public const int Writes = 20;
    private const int Reads = 20;
    private const int FullReads = 3;

    private readonly IScimResourceStore store = services.GetRequiredService<IScimResourceStore>();
    private readonly ScimResourceService service = services.GetRequiredService<ScimResourceService>();

    /// <param name="newMembers">Exactly <see cref="Writes"/> users not yet in the group; each is added once.</param>
    public async Task<StoreCosts> MeasureAsync(SeededGroup group, IReadOnlyList<string> newMembers)
    {
        var document = await TimeAsync(Reads, () => store.GetAsync(tenant, ScimResourceType.Group, group.Id, ResourceLoadOptions.DocumentOnly, cancellationToken));
        var members = await TimeAsync(FullReads, async () =>
        {
            var read = await store.GetAsync(tenant, ScimResourceType.Group, group.Id, new ResourceLoadOptions(IncludeMembers: true, IncludeGroups: false), cancellationToken);
            ScimClient.Require(read!.Members.Count >= group.Members, $"the store read {read.Members.Count} members of a group of {group.Members}");
        });
        var context = new ScimCallContext(tenant, scimBaseUrl);
        ScimResourceResponse? response = null;
        var presented = await TimeAsync(FullReads, async () => response = await service.GetAsync(context, ScimResourceType.Group, group.Id, AttributeSelection.All, cancellationToken));
        long bytes = 0;
        var serialized = await TimeAsync(FullReads, () =>
        {
            bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(response!.Body).LongLength;
            return Task.CompletedTask;
        });

        var next = 0;
        var writes = await TimeAsync(Writes, async () =>
        {
            // What the PATCH use case does: read the document, write version + 1 with the member, conditional on the version read.
            var current = await store.GetAsync(tenant, ScimResourceType.Group, group.Id, ResourceLoadOptions.DocumentOnly, cancellationToken);
            var written = await store.UpdateAsync(
                tenant, current! with { Version = current.Version + 1, LastModified = DateTimeOffset.UtcNow }, current.Version,
                new MembershipChange([newMembers[next++]], [], ReplaceAll: false), cancellationToken);
            ScimClient.Require(written.Outcome == StoreWriteOutcome.Written, $"the store's member add answered {written.Outcome}");
        });
        return new StoreCosts(document, members, presented, serialized, writes, bytes);
    }

    private static async Task<Latency> TimeAsync(int runs, Func<Task> step)
    {
        var timings = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            await step();
            timings.Add(clock.Elapsed.TotalMilliseconds);
        }

        return new Latency(timings);
    }
}
