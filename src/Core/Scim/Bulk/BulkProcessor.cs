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
/// order <see cref="BulkSchedule"/> gives. A reference that cannot resolve fails its operation with 409
/// <c>invalidValue</c>: no POST defines the bulkId, that POST failed, or the references are circular (which this
/// service reports rather than resolves, as §3.7.1 allows).
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
        var run = new Run(ctx, request.Operations);
        var schedule = new BulkSchedule(request.Operations);
        var results = new SortedDictionary<int, BulkOperationResult>();
        var errors = 0;
        bool Stopped() => request.FailOnErrors is { } allowed && errors >= allowed;

        void Record(BulkOperationResult result)
        {
            results[result.Index] = result;
            if (!result.Succeeded)
            {
                errors++;
                run.Failed(request.Operations[result.Index]);
            }
        }

        while (!Stopped() && schedule.TryTake(out var index))
        {
            Record(await RunAsync(run, request.Operations[index], ct));
            schedule.Done(index);
        }

        foreach (var index in schedule.Stuck())
        {
            if (Stopped())
            {
                break;
            }

            var operation = request.Operations[index];
            Record(run.Failure(operation, Unresolvable(
                $"{Describe(operation)} references bulkId(s) {string.Join(", ", operation.References.Where(run.IsStuck).Order(StringComparer.Ordinal).Select(r => $"'{r}'"))} whose POST is part of, or waits on, "
                + "a circular reference. This service does not resolve circular bulkId references (RFC 7644 §3.7.1): create the resources first, then add the references with PATCH.")));
        }

        return new BulkResult([.. results.Values], request.Operations.Count - results.Count);
    }

    private async Task<BulkOperationResult> RunAsync(Run run, BulkOperation operation, CancellationToken ct)
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
        var data = operation.Data is null || operation.References.Count == 0 ? operation.Data : run.Resolve(operation.Data);
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

    /// <summary>The state of one bulk request: the bulkIds its POSTs define, the ids they created, those that failed.</summary>
    private sealed class Run(ScimCallContext context, IReadOnlyList<BulkOperation> operations)
    {
        private readonly HashSet<string> defined = [.. operations.Select(o => o.DefinedBulkId).OfType<string>()];
        private readonly Dictionary<string, string> created = new(StringComparer.Ordinal);
        private readonly HashSet<string> failed = new(StringComparer.Ordinal);

        public ScimCallContext Context => context;

        /// <summary>Defined by a POST that has not created anything: one still waiting, or failed for waiting.</summary>
        public bool IsStuck(string bulkId) => defined.Contains(bulkId) && !created.ContainsKey(bulkId);

        public string CreatedId(string bulkId) => created[bulkId];

        public void Created(BulkOperation operation, string id) => created[operation.DefinedBulkId!] = id;

        public void Failed(BulkOperation operation)
        {
            if (operation.DefinedBulkId is { } bulkId)
            {
                failed.Add(bulkId);
            }
        }

        public JsonObject Resolve(JsonObject data) => BulkIdReferences.Resolve(data, created);

        /// <summary>Why a reference of this operation cannot be resolved, if one cannot; the schedule ran every defined target first.</summary>
        public ScimException? Unresolved(BulkOperation operation)
        {
            foreach (var reference in operation.References.Order(StringComparer.Ordinal))
            {
                if (!defined.Contains(reference))
                {
                    return Unresolvable($"{Describe(operation)} references bulkId '{reference}', which no POST operation in this request defines.");
                }

                if (failed.Contains(reference))
                {
                    return Unresolvable($"{Describe(operation)} references bulkId '{reference}', whose POST operation failed, so the resource does not exist.");
                }
            }

            return null;
        }

        public BulkOperationResult Success(BulkOperation operation, int status, string? id, string? version) =>
            Result(operation, status, id, version, error: null);

        public BulkOperationResult Failure(BulkOperation operation, ScimException error, string? id = null) =>
            Result(operation, error.Status, id, version: null, error);

        private BulkOperationResult Result(BulkOperation operation, int status, string? id, string? version, ScimException? error)
        {
            var path = operation.Path;
            var template = path is null ? null : path.Id is null ? $"/{path.Endpoint}" : $"/{path.Endpoint}/{{id}}";
            return new BulkOperationResult(
                operation.Index,
                operation.Method?.Wire() ?? operation.SentMethod,
                operation.BulkId,
                template,
                path?.Type,
                id,
                path is null || id is null ? null : context.ResourceUrl(path.Endpoint, id),
                version,
                status,
                error);
        }
    }
}
