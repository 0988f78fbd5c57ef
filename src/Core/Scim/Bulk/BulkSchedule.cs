namespace AutoRfpHex.Core.Scim.Bulk;

/// <summary>
/// The order in which bulk operations run (RFC 7644 §3.7.2): request order, except that an operation that names a
/// bulkId waits until the POST defining it has run, however far below it stands. Each step takes the earliest operation
/// whose definers have all run, so operations without references keep their order and a forward reference is
/// processed just after its target. Operations still waiting when nothing else can run are part of, or wait on, a
/// circular reference (§3.7.1): the processor may then take one of them out of turn (<see cref="TakeStuck"/>) to break
/// the cycle; an operation taken is never made ready again.
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
            if (--waitingOn[dependent] == 0 && !taken[dependent])
            {
                ready.Add(dependent);
            }
        }
    }

    /// <summary>Takes a waiting operation out of turn (to break a circular reference); call <see cref="Done"/> when it has run.</summary>
    public void TakeStuck(int index)
    {
        if (taken[index] || waitingOn[index] == 0)
        {
            throw new InvalidOperationException($"Operation {index} is not waiting.");
        }

        taken[index] = true;
    }

    /// <summary>Whether a waiting operation waits, through other waiting ones, on itself: it is part of a circular reference, not only behind one.</summary>
    public bool IsOnCycle(int index)
    {
        var seen = new HashSet<int>();
        var next = new Stack<int>(dependents[index]);
        while (next.TryPop(out var dependent))
        {
            if (dependent == index)
            {
                return true;
            }

            if (!taken[dependent] && seen.Add(dependent))
            {
                dependents[dependent].ForEach(next.Push);
            }
        }

        return false;
    }

    /// <summary>The operations never taken once none is free: circular references and what waits on them, in request order.</summary>
    public IEnumerable<int> Stuck() => Enumerable.Range(0, taken.Length).Where(i => !taken[i]);
}
