using System.Diagnostics;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Service;
using AutoRfpHex.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRfpHex.Bench.Writes;

/// <summary>
/// Times the steps of a member add inside the service, without HTTP, from the app's DI container: reading the group,
/// the store's membership write, the whole PATCH use case; and, for comparison, what echoing the group would cost
/// (reading every member) against what a member page costs. Set beside the HTTP timings, they show where an add's
/// time goes as the group grows.
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
        var firstPage = new MemberPageRequest(1, 1000);
        var presented = await TimeAsync(FullReads, async () =>
            response = await service.GetAsync(context, ScimResourceType.Group, group.Id, AttributeSelection.All, firstPage, cancellationToken));
        long bytes = 0;
        var serialized = await TimeAsync(FullReads, () =>
        {
            bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(response!.Body).LongLength;
            return Task.CompletedTask;
        });

        var next = 0;
        var writes = await TimeAsync(Writes, async () =>
        {
            // The PATCH use case as HTTP calls it: a membership-only add, answered without a body (204).
            var patch = System.Text.Json.Nodes.JsonNode.Parse(
                $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{newMembers[next++]}}"}]}]}""")!.AsObject();
            var patched = await service.PatchAsync(context, ScimResourceType.Group, group.Id, patch, null, AttributeSelection.All, cancellationToken);
            ScimClient.Require(patched.Body is null, "a group PATCH without attributes answers without a body");
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
