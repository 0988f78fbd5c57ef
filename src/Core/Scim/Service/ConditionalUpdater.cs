using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Rendering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Scim.Service;

/// <summary>The new document and membership edits for a resource, or null when the request changes nothing.</summary>
internal delegate ResourceEdit? ResourceMutation(ScimResourceRecord current);

internal sealed record ResourceEdit(JsonObject Attributes, MembershipChange? MembershipChange);

/// <summary>
/// Read, change, write conditionally on the version read (optimistic concurrency). A write that loses a race is
/// re-applied to the fresh version, never dropped, unless the client pinned a version with <c>If-Match</c>: then
/// the race means the resource it knew is gone, and the answer is 412.
/// </summary>
internal sealed class ConditionalUpdater(IScimResourceStore store, TimeProvider clock)
{
    /// <summary>Enough for hundreds of concurrent writers on one resource: each round lets at least one of them through.</summary>
    internal const int MaxAttempts = 200;

    public async Task<ScimResourceRecord> UpdateAsync(
        Tenant tenant, ScimResourceType type, string id, ResourceLoadOptions load, string? ifMatch, ResourceMutation mutate, CancellationToken cancellationToken)
    {
        var expected = EntityTag.ParseIfMatch(ifMatch);
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.GetAsync(tenant, type, id, load, cancellationToken) ?? throw StoreOutcomes.NotFound(type, id);
            EntityTag.EnsureMatches(expected, current.Version, $"{type} '{id}'");
            if (mutate(current) is not { } edit)
            {
                return current;
            }

            var updated = current with
            {
                Version = current.Version + 1,
                LastModified = clock.GetUtcNow(),
                Attributes = edit.Attributes,
                Members = [],
                Groups = [],
            };
            var result = await store.UpdateAsync(tenant, updated, current.Version, edit.MembershipChange, cancellationToken);
            if (result.Outcome != StoreWriteOutcome.VersionMismatch)
            {
                // The store keeps the old version when the edit changed nothing after all (members re-sent): the caller
                // then sees the same version as it read, which is how "unchanged" is told.
                return StoreOutcomes.EnsureWritten(result, type, id, edit.Attributes) ?? updated;
            }

            if (expected is not null)
            {
                throw new ScimException(412, null, $"{type} '{id}' changed while this request was applied; it is no longer at the version named by If-Match.");
            }

            if (attempt == MaxAttempts)
            {
                throw new ScimException(409, null, $"{type} '{id}' is being changed by many requests at once; this change was not applied. Retry it.");
            }

            await BackoffAsync(attempt, clock, cancellationToken);
        }
    }

    /// <summary>Retry at once a few times, then spread the contenders out with a short random pause.</summary>
    internal static Task BackoffAsync(int attempt, TimeProvider clock, CancellationToken cancellationToken) => attempt < 3
        ? Task.CompletedTask
        : Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, Math.Min(attempt, 20))), clock, cancellationToken);
}
