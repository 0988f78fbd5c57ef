using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Scim.Patching;

/// <summary>
/// The net effect on a group's members of the operations of one PATCH, in order: a later operation wins over an
/// earlier one for the same id. Stored as a delta, never as a rewritten member list, so concurrent PATCHes that
/// touch different members cannot erase each other's changes.
/// </summary>
internal sealed class MembershipDelta
{
    private readonly HashSet<string> added = new(StringComparer.Ordinal);
    private readonly HashSet<string> removed = new(StringComparer.Ordinal);
    private bool replaceAll;

    public void Add(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            removed.Remove(id);
            added.Add(id);
        }
    }

    public void Remove(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            added.Remove(id);
            if (!replaceAll)
            {
                removed.Add(id);
            }
        }
    }

    /// <summary>The whole member set becomes <paramref name="ids"/> (empty: the group is emptied).</summary>
    public void ReplaceWith(IEnumerable<string> ids)
    {
        replaceAll = true;
        removed.Clear();
        added.Clear();
        added.UnionWith(ids);
    }

    /// <summary>The member ids after this delta, given the ids before it.</summary>
    public IEnumerable<string> ApplyTo(IEnumerable<string> current) =>
        replaceAll ? added : current.Where(id => !removed.Contains(id)).Union(added, StringComparer.Ordinal);

    public MembershipChange? ToChange()
    {
        if (replaceAll)
        {
            return MembershipChange.Replace(added.ToList());
        }

        return added.Count == 0 && removed.Count == 0 ? null : new MembershipChange(added.ToList(), removed.ToList(), false);
    }
}
