using AutoRfpHex.Core.Scim.Service;

namespace AutoRfpHex.Core.Scim.Bulk;

/// <summary>
/// RFC 7644 §3.7.1: the attempt to resolve circular bulkId references. A POST inside a cycle is created ahead with its
/// deferrable references left out (<see cref="DeferredReferences"/>), so the POSTs waiting on it can run; once every
/// bulkId it left out exists, a PATCH adds them. Until then the outcome of that POST, and of every POST created
/// naming it, is open: they are held, not reported, and operations other than POSTs that name them wait (parked).
/// If the completion cannot run (a POST it names failed) or fails, the POST fails as a whole: its resource is deleted,
/// and so is every held resource created naming it, so nothing half-made remains. A held POST is reported as created
/// once no completion it depends on, directly or through other held POSTs, is still open.
/// </summary>
internal sealed class CircularReferences(ScimResourceService resources, BulkRun run)
{
    private static readonly AttributeSelection IdOnly = new(["id"], null);

    private readonly Dictionary<string, Held> held = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, BulkOperation> parked = [];

    /// <summary>Whether the operation names a resource whose outcome is still open; a POST that does is held too.</summary>
    public bool NamesHeld(BulkOperation operation) => operation.References.Any(held.ContainsKey);

    /// <summary>An operation other than a POST that names a held resource runs once that resource's outcome is known.</summary>
    public void Park(BulkOperation operation) => parked.Add(operation.Index, operation);

    /// <summary>A POST that succeeded but whose outcome is open: created ahead (<paramref name="deferred"/>), or naming held resources.</summary>
    public void Hold(BulkOperation operation, BulkOperationResult created, DeferredReferences? deferred) =>
        held[operation.DefinedBulkId!] = new Held(operation, created, deferred, [.. operation.References.Where(held.ContainsKey)]);

    /// <summary>
    /// Runs every completion whose bulkIds are all created (or fails it when one failed), reports what is no longer at
    /// risk, and runs the parked operations that may now run; repeated until nothing changes.
    /// </summary>
    public async Task SettleAsync(Func<BulkOperation, Task<BulkOperationResult>> runParked, CancellationToken ct)
    {
        bool progress;
        do
        {
            progress = false;
            foreach (var waiting in held.Values.Where(h => h.Completion is not null).OrderBy(h => h.Operation.Index).ToList())
            {
                var references = waiting.Completion!.References;
                if (!held.ContainsKey(waiting.BulkId))
                {
                    continue; // deleted with another held resource in this pass
                }

                if (references.Order(StringComparer.Ordinal).FirstOrDefault(run.HasFailed) is { } gone)
                {
                    await RollBackAsync(waiting, BulkProcessor.Unresolvable(
                        $"{BulkProcessor.Describe(waiting.Operation)} is part of a circular reference: it was created first, without its reference to bulkId '{gone}', "
                        + $"but the POST of '{gone}' failed, so the reference could not be added and the resource was deleted."), null, ct);
                    progress = true;
                }
                else if (references.All(run.IsCreated))
                {
                    await CompleteAsync(waiting, ct);
                    progress = true;
                }
            }

            ReportSettled();
            foreach (var operation in parked.Values.Where(o => !NamesHeld(o)).ToList())
            {
                if (run.Stopped)
                {
                    break;
                }

                parked.Remove(operation.Index);
                run.Record(await runParked(operation));
            }
        }
        while (progress);
    }

    /// <summary>At the end: completions that can no longer run (processing stopped before the POSTs they name) fail, and their resources are deleted.</summary>
    public async Task AbandonAsync(CancellationToken ct)
    {
        foreach (var open in held.Values.Where(h => h.Completion is not null).OrderBy(h => h.Operation.Index).ToList())
        {
            if (held.ContainsKey(open.BulkId))
            {
                var why = run.Stopped ? "processing stopped (failOnErrors) before" : "not all";
                await RollBackAsync(open, BulkProcessor.Unresolvable(
                    $"{BulkProcessor.Describe(open.Operation)} is part of a circular reference: it was created first, without its references to bulkId(s) "
                    + $"{BulkProcessor.Quote(open.Completion!.References)}, but {why} the POSTs they name had run, so the references could not be added and the resource was deleted."), null, ct);
            }
        }

        ReportSettled();
    }

    private async Task CompleteAsync(Held waiting, CancellationToken ct)
    {
        var operation = waiting.Operation;
        try
        {
            var patch = run.Resolve(waiting.Completion!.CompletionPatch());
            // Not cancellable: a resource created ahead is either completed or removed, even if the client has gone.
            var patched = await resources.PatchAsync(run.Context, operation.Path!.Type, waiting.Id, patch, ifMatch: null, IdOnly, CancellationToken.None);
            waiting.Created = waiting.Created with { Version = patched.ETag };
            waiting.DependsOn.UnionWith(waiting.Completion.References.Where(held.ContainsKey));
            waiting.Completion = null;
        }
        catch (ScimException refused)
        {
            await RollBackAsync(waiting, new ScimException(refused.Status, refused.ScimType,
                $"{BulkProcessor.Describe(operation)} is part of a circular reference: it was created first and its references added afterwards, "
                + $"but adding them failed, so the resource was deleted: {refused.Detail}"), null, ct);
        }
        catch (Exception unexpected) when (unexpected is not OperationCanceledException)
        {
            await RollBackAsync(waiting, new ScimException(500, null, "An unexpected error occurred; it has been logged."), unexpected, ct);
        }
    }

    /// <summary>Fails a held POST: deletes its resource, reports the error, and does the same to every held POST created naming it.</summary>
    private async Task RollBackAsync(Held failed, ScimException error, Exception? unexpected, CancellationToken ct)
    {
        held.Remove(failed.BulkId);
        try
        {
            await resources.DeleteAsync(run.Context, failed.Operation.Path!.Type, failed.Id, ifMatch: null, CancellationToken.None);
        }
        catch (ScimException gone) when (gone.Status == 404)
        {
        }
        catch (Exception notDeleted) when (notDeleted is not OperationCanceledException)
        {
            unexpected ??= notDeleted; // reported as failed all the same; the edge logs that the resource may remain
        }

        run.Record(run.Failure(failed.Operation, error) with { Unexpected = unexpected });
        foreach (var dependent in held.Values.Where(h => h.DependsOn.Contains(failed.BulkId)).OrderBy(h => h.Operation.Index).ToList())
        {
            if (held.ContainsKey(dependent.BulkId))
            {
                await RollBackAsync(dependent, BulkProcessor.Unresolvable(
                    $"{BulkProcessor.Describe(dependent.Operation)} names bulkId '{failed.BulkId}', which was created first to resolve a circular reference and then failed, "
                    + "so this resource was deleted too."), null, ct);
            }
        }
    }

    /// <summary>Reports the held POSTs that no open completion can fail any more.</summary>
    private void ReportSettled()
    {
        var atRisk = held.Values.Where(h => h.Completion is not null).Select(h => h.BulkId).ToHashSet(StringComparer.Ordinal);
        for (var grew = true; grew;)
        {
            var more = held.Values.Where(h => !atRisk.Contains(h.BulkId) && h.DependsOn.Overlaps(atRisk)).Select(h => h.BulkId).ToList();
            atRisk.UnionWith(more);
            grew = more.Count > 0;
        }

        foreach (var settled in held.Values.Where(h => !atRisk.Contains(h.BulkId)).ToList())
        {
            held.Remove(settled.BulkId);
            run.Record(settled.Created);
        }
    }

    /// <param name="Created">The 201 to report; its version follows the completion.</param>
    /// <param name="Completion">The references still to add; null once added, or when there were none.</param>
    /// <param name="DependsOn">The held bulkIds this resource was created (or completed) naming.</param>
    private sealed class Held(BulkOperation operation, BulkOperationResult created, DeferredReferences? completion, HashSet<string> dependsOn)
    {
        public BulkOperation Operation { get; } = operation;

        public string BulkId => Operation.DefinedBulkId!;

        public string Id => Created.ResourceId!;

        public BulkOperationResult Created { get; set; } = created;

        public DeferredReferences? Completion { get; set; } = completion;

        public HashSet<string> DependsOn { get; } = dependsOn;
    }
}
