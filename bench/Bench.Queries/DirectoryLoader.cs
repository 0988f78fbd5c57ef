using System.Diagnostics;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Service;
using AutoRfpHex.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRfpHex.Bench.Queries;

/// <summary>
/// Grows the organization to a size through the service's own create use case (validation, normalisation, one store
/// transaction per user), from the app's DI container: what 100,000 SCIM POSTs would store, without the hour of HTTP.
/// </summary>
public sealed class DirectoryLoader(IServiceProvider services, Tenant tenant, string scimBaseUrl, DirectoryPeople people)
{
    private const int Batch = 1000;
    private readonly List<DirectoryPerson> loaded = [];

    public IReadOnlyList<DirectoryPerson> Loaded => loaded;

    /// <returns>The time it took to add the users.</returns>
    public async Task<TimeSpan> GrowToAsync(int size, TextWriter progress, CancellationToken cancellationToken)
    {
        var service = services.GetRequiredService<ScimResourceService>();
        var context = new ScimCallContext(tenant, scimBaseUrl);
        var clock = Stopwatch.StartNew();
        while (loaded.Count < size)
        {
            // Generated in order (repeatable), written concurrently: the writes queue on the store's write lock while
            // validation and JSON work of the others proceed.
            var batch = Enumerable.Range(loaded.Count, Math.Min(Batch, size - loaded.Count)).Select(people.Next).ToList();
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (item, ct) =>
                await service.CreateAsync(context, ScimResourceType.User, item.Body, AttributeSelection.All, ct));
            loaded.AddRange(batch.Select(item => item.Person));
            if (loaded.Count % 10_000 == 0 || loaded.Count == size)
            {
                await progress.WriteLineAsync($"  loaded {loaded.Count:N0} users ({clock.Elapsed.TotalSeconds:F0} s)");
            }
        }

        return clock.Elapsed;
    }
}
