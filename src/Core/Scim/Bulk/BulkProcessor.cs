using System.Text.Json.Nodes;
using AutoRfpHex.Core.ProvisioningLog;
using AutoRfpHex.Core.Scim.Service;

namespace AutoRfpHex.Core.Scim.Bulk;

/// <summary>
/// RFC 7644 §3.7 <c>POST /Bulk</c>: runs each operation through the same use case a single request uses
/// (<see cref="ScimResourceService"/>), so validation, uniqueness, If-Match (the operation's <c>version</c>), admin
/// continuity and tenancy are exactly those of single requests. Each operation is atomic; the bulk is not: an
/// operation that fails changes nothing and the others still run, until <c>failOnErrors</c> errors stop processing.
/// bulkId references (<c>"bulkId:xyz"</c> in <c>data</c> or <c>path</c>) resolve to the ids their POSTs created, in the
/// order <see cref="BulkSchedule"/> gives. When only circular references are left, one attempt is made to resolve them
/// (§3.7.1, <see cref="CircularReferences"/>): a POST in the cycle whose pending references are group members or a
/// manager is created without them and completed by a PATCH once they exist. A reference that cannot resolve fails
/// its operation with 409 <c>invalidValue</c>: no POST defines the bulkId, that POST failed, or the cycle could not be
/// broken (a reference that a PATCH cannot add later, such as one in a path or a name).
/// </summary>
public sealed class BulkProcessor(ScimResourceService resources, ScimServiceLimits? limits = null)
{
    /// <summary>Only <c>location</c> and <c>version</c> are reported, so a write's answer need not read a large group's members back.</summary>
    private static readonly AttributeSelection IdOnly = new(["id"], null);

    private readonly ScimServiceLimits limits = limits ?? ScimServiceLimits.Default;

    /// <exception cref="ScimException">The request as a whole is malformed or too large; nothing was written.</exception>
    public async Task<BulkResult> ProcessAsync(ScimCallContext ctx, JsonObject bulkRequest, CancellationToken ct)
    {
        var request = BulkRequestParser.Parse(bulkRequest, limits);
        var run = new BulkRun(ctx, request);
        var cycles = new CircularReferences(resources, run);
        var schedule = new BulkSchedule(request.Operations);
        var refusals = new List<string>();
        Task<BulkOperationResult> RunParked(BulkOperation operation) => RunAsync(run, operation, createData: null, ct);
        try
        {
            await RunAllAsync(request, run, cycles, schedule, refusals, RunParked, ct);
        }
        catch (OperationCanceledException)
        {
            // The client has gone: nothing created ahead of a circular reference may stay half-made.
            await cycles.AbandonAsync(CancellationToken.None);
            throw;
        }

        await cycles.AbandonAsync(ct);
        return run.ToResult();
    }

    private async Task RunAllAsync(
        BulkRequest request, BulkRun run, CircularReferences cycles, BulkSchedule schedule, List<string> refusals,
        Func<BulkOperation, Task<BulkOperationResult>> runParked, CancellationToken ct)
    {
        while (!run.Stopped)
        {
            if (schedule.TryTake(out var index))
            {
                await RunInTurnAsync(run, cycles, request.Operations[index], deferred: null, ct);
                schedule.Done(index);
            }
            else if (FirstToCreateAhead(run, schedule, refusals) is ({ } ahead, { } deferred))
            {
                schedule.TakeStuck(ahead.Index);
                await RunInTurnAsync(run, cycles, ahead, deferred, ct);
                schedule.Done(ahead.Index);
            }
            else
            {
                break;
            }

            await cycles.SettleAsync(runParked, ct);
        }

        foreach (var index in schedule.Stuck())
        {
            if (run.Stopped)
            {
                break;
            }

            var operation = request.Operations[index];
            run.Record(run.Failure(operation, Unresolvable(
                $"{Describe(operation)} references bulkId(s) {Quote(operation.References.Where(run.IsStuck))} whose POST is part of, or waits on, a circular reference. "
                + $"This service tried to resolve it (RFC 7644 §3.7.1) by creating one POST of the cycle first and adding its references with PATCH afterwards, but none could go first: {Why(refusals)}. "
                + "Create the resources first, then add the references with PATCH.")));
            await cycles.SettleAsync(runParked, ct);
        }
    }

    /// <summary>Runs an operation in its turn; a POST whose outcome hangs on a held one is held too, anything else naming one waits.</summary>
    private async Task RunInTurnAsync(BulkRun run, CircularReferences cycles, BulkOperation operation, DeferredReferences? deferred, CancellationToken ct)
    {
        if (operation.DefinedBulkId is null && cycles.NamesHeld(operation))
        {
            cycles.Park(operation);
            return;
        }

        var result = await RunAsync(run, operation, deferred?.CreateData, ct);
        if (result.Succeeded && operation.DefinedBulkId is not null && (deferred is not null || cycles.NamesHeld(operation)))
        {
            cycles.Hold(operation, result, deferred);
        }
        else
        {
            run.Record(result);
        }
    }

    /// <summary>
    /// The earliest waiting POST on a cycle whose not-yet-created references can all be added later by PATCH, and its
    /// data split accordingly; otherwise null, with why each POST on a cycle could not go first in <paramref name="refusals"/>.
    /// </summary>
    private static (BulkOperation Operation, DeferredReferences Deferred)? FirstToCreateAhead(BulkRun run, BulkSchedule schedule, List<string> refusals)
    {
        refusals.Clear();
        foreach (var index in schedule.Stuck())
        {
            var operation = run.Operations[index];
            if (operation.DefinedBulkId is null || run.Unresolved(operation) is not null || !schedule.IsOnCycle(index))
            {
                continue;
            }

            if (DeferredReferences.Split(operation, run.IsPending, out var refusal) is { } deferred)
            {
                return (operation, deferred);
            }

            refusals.Add(refusal!);
        }

        return null;
    }

    private static string Why(List<string> refusals) => refusals.Count switch
    {
        0 => "each POST in it also references a bulkId that no POST defines or whose POST failed",
        <= 3 => string.Join("; ", refusals),
        _ => string.Join("; ", refusals.Take(3)) + $"; and {refusals.Count - 3} more",
    };

    /// <param name="createData">For a POST created ahead of a cycle: its data without the deferred references.</param>
    private async Task<BulkOperationResult> RunAsync(BulkRun run, BulkOperation operation, JsonObject? createData, CancellationToken ct)
    {
        if (operation.Invalid is { } invalid)
        {
            return run.Failure(operation, invalid);
        }

        if (run.Unresolved(operation) is { } refusal)
        {
            return run.Failure(operation, refusal);
        }

        var path = operation.Path!;
        var id = path.BulkIdReference is { } reference ? run.CreatedId(reference) : path.Id;
        var sent = createData ?? operation.Data;
        var data = sent is null || operation.References.Count == 0 ? sent : run.Resolve(sent);
        try
        {
            switch (operation.Method)
            {
                case BulkMethod.Post:
                    var created = await resources.CreateAsync(run.Context, path.Type, data!, IdOnly, ct);
                    run.Created(operation, created.Id);
                    return run.Success(operation, 201, created.Id, created.ETag) with { Change = created.Change };
                case BulkMethod.Put:
                    var replaced = await resources.ReplaceAsync(run.Context, path.Type, id!, data!, operation.Version, IdOnly, ct);
                    return run.Success(operation, 200, id, replaced.ETag) with { Change = replaced.Change };
                case BulkMethod.Patch:
                    var patched = await resources.PatchAsync(run.Context, path.Type, id!, data!, operation.Version, IdOnly, ct);
                    return run.Success(operation, 200, id, patched.ETag) with { Change = patched.Change };
                default:
                    await resources.DeleteAsync(run.Context, path.Type, id!, operation.Version, ct);
                    return run.Success(operation, 204, id, version: null) with { Change = ProvisioningChange.Deleted };
            }
        }
        catch (ScimException refused)
        {
            return run.Failure(operation, refused, id);
        }
        catch (Exception unexpected) when (unexpected is not OperationCanceledException)
        {
            // Earlier operations are committed: the client needs this response to know which, so one operation's
            // unexpected failure is reported (and logged by the edge) instead of failing the whole request.
            return run.Failure(operation, new ScimException(500, null, "An unexpected error occurred; it has been logged."), id) with { Unexpected = unexpected };
        }
    }

    internal static string Describe(BulkOperation operation) => char.ToUpperInvariant(operation.Describe()[0]) + operation.Describe()[1..];

    internal static ScimException Unresolvable(string detail) => new(409, ScimErrorTypes.InvalidValue, detail);

    internal static string Quote(IEnumerable<string> bulkIds) => string.Join(", ", bulkIds.Order(StringComparer.Ordinal).Select(b => $"'{b}'"));
}
