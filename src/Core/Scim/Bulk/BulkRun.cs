using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Service;

namespace AutoRfpHex.Core.Scim.Bulk;

/// <summary>
/// The state of one bulk request: the bulkIds its POSTs define, the ids they created, those that failed, the results
/// recorded so far (in request order) and the error count <c>failOnErrors</c> is checked against.
/// </summary>
internal sealed class BulkRun(ScimCallContext context, BulkRequest request)
{
    private readonly HashSet<string> defined = [.. request.Operations.Select(o => o.DefinedBulkId).OfType<string>()];
    private readonly Dictionary<string, string> created = new(StringComparer.Ordinal);
    private readonly HashSet<string> failed = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, BulkOperationResult> results = [];
    private int errors;

    public ScimCallContext Context => context;

    public IReadOnlyList<BulkOperation> Operations => request.Operations;

    /// <summary><c>failOnErrors</c> errors have been recorded: no further operation may start.</summary>
    public bool Stopped => request.FailOnErrors is { } allowed && errors >= allowed;

    /// <summary>Defined by a POST that has not created anything: one still waiting, or failed.</summary>
    public bool IsStuck(string bulkId) => defined.Contains(bulkId) && !created.ContainsKey(bulkId);

    /// <summary>Defined by a POST that has neither created its resource nor failed yet.</summary>
    public bool IsPending(string bulkId) => IsStuck(bulkId) && !failed.Contains(bulkId);

    public bool IsCreated(string bulkId) => created.ContainsKey(bulkId);

    public bool HasFailed(string bulkId) => failed.Contains(bulkId);

    public string CreatedId(string bulkId) => created[bulkId];

    public void Created(BulkOperation operation, string id) => created[operation.DefinedBulkId!] = id;

    /// <summary>The operation's final result; a failed POST's bulkId becomes unresolvable (its resource, if made, was removed).</summary>
    public void Record(BulkOperationResult result)
    {
        results[result.Index] = result;
        if (!result.Succeeded)
        {
            errors++;
            if (Operations[result.Index].DefinedBulkId is { } bulkId)
            {
                created.Remove(bulkId);
                failed.Add(bulkId);
            }
        }
    }

    public BulkResult ToResult() => new([.. results.Values], Operations.Count - results.Count);

    public JsonObject Resolve(JsonObject data) => BulkIdReferences.Resolve(data, created);

    /// <summary>Why a reference of this operation cannot be resolved, if one cannot; the schedule ran every defined target first.</summary>
    public ScimException? Unresolved(BulkOperation operation)
    {
        foreach (var reference in operation.References.Order(StringComparer.Ordinal))
        {
            if (!defined.Contains(reference))
            {
                return BulkProcessor.Unresolvable($"{BulkProcessor.Describe(operation)} references bulkId '{reference}', which no POST operation in this request defines.");
            }

            if (failed.Contains(reference))
            {
                return BulkProcessor.Unresolvable($"{BulkProcessor.Describe(operation)} references bulkId '{reference}', whose POST operation failed, so the resource does not exist.");
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
