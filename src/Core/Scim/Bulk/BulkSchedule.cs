namespace AutoRfpHex.Core.Scim.Bulk;

/// <summary>
/// The order in which bulk operations run (RFC 7644 §3.7.2): request order, except that an operation that names a
/// bulkId waits until the POST defining it has run, however far below it stands. Each step takes the earliest operation
/// whose definers have all run, so operations without references keep their order and a forward reference is
/// processed just after its target. Operations still waiting when nothing else can run are part of, or wait on, a
/// circular reference (§3.7.1).
/// </summary>
internal sealed class BulkSchedule
{
    private readonly SortedSet<int> ready = [];
    private readonly int[] waitingOn;
    private readonly List<int>[] dependents;
    private readonly bool[] taken;

    public BulkSchedule(IReadOnlyList<BulkOperation> operations)
    {
        var definers = operations.Where(o => o.DefinedBulkId is not null).ToDictionary(o => o.DefinedBulkId!, o => o.Index, StringComparer.Ordinal);
        waitingOn = new int[operations.Count];
        dependents = [.. operations.Select(_ => new List<int>())];
        taken = new bool[operations.Count];
        foreach (var operation in operations)
        {
            foreach (var definer in operation.References.Where(definers.ContainsKey).Select(r => definers[r]).Distinct())
            {
                dependents[definer].Add(operation.Index);
                waitingOn[operation.Index]++;
            }

            if (waitingOn[operation.Index] == 0)
            {
                ready.Add(operation.Index);
            }
        }
    }

    /// <summary>The earliest operation free to run, if any.</summary>
    public bool TryTake(out int index)
    {
        index = ready.Count > 0 ? ready.Min : -1;
        if (index < 0)
        {
            return false;
        }

        ready.Remove(index);
        taken[index] = true;
        return true;
    }

    /// <summary>Releases the operations that waited on this one, whether it succeeded or failed.</summary>
    public void Done(int index)
    {
        foreach (var dependent in dependents[index])
        {
            if (--waitingOn[dependent] == 0)
            {
                ready.Add(dependent);
            }
        }
    }

    /// <summary>The operations never taken once none is free: circular references and what waits on them, in request order.</summary>
    public IEnumerable<int> Stuck() => Enumerable.Range(0, taken.Length).Where(i => !taken[i]);
}
