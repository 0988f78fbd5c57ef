using AutoRfpHex.Core.Scim.Patching;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Scim.Service;

/// <summary>
/// <see cref="ScimServiceLimits.MaxMembersPerResponse"/> on the answers of writes: a POST, PUT or PATCH whose answer
/// would show more members is refused (400 <c>tooMany</c>) before anything is written, as a GET of such a group is.
/// The answer's size is bounded from what is known before the write: a POST's or PUT's members exactly, a PATCH's as
/// the group's members now plus every id it adds (each counted as new), read with a capped probe of at most limit + 1
/// membership entries, never a count of the whole group.
/// </summary>
internal static class WriteMemberLimit
{
    /// <summary>A POST or PUT of a group with <paramref name="memberIds"/> (its whole member set).</summary>
    public static void EnsureShowable(ScimServiceLimits limits, IReadOnlyCollection<string> memberIds)
    {
        var count = memberIds.Distinct(StringComparer.Ordinal).Count();
        if (count > limits.MaxMembersPerResponse)
        {
            throw ScimException.BadRequest(
                ScimErrorTypes.TooMany,
                $"The group would have {count} members, more than one response shows ({limits.MaxMembersPerResponse}); nothing was written. "
                + $"Write it with at most {limits.MaxMembersPerResponse} members, then add the rest with PATCH (which answers 204, without members).");
        }
    }

    /// <summary>A PATCH of group <paramref name="groupId"/> whose answer shows members.</summary>
    /// <exception cref="ScimException">400 <c>tooMany</c>; 404 when no such group exists; any refusal of the PATCH itself.</exception>
    public static async Task EnsurePatchedShowableAsync(
        IScimResourceStore store, ScimServiceLimits limits, Tenant tenant, string groupId, IReadOnlyList<PatchOperation> operations, CancellationToken ct)
    {
        const ScimResourceType group = ScimResourceType.Group;
        var current = await store.GetAsync(tenant, group, groupId, ResourceLoadOptions.DocumentOnly, ct) ?? throw StoreOutcomes.NotFound(group, groupId);

        // Applied to the group without its members, a PATCH adds the same ids it would add to the loaded group (filters
        // only ever remove), so this is an upper bound of what it adds.
        var change = ResourcePatcher.Apply(group, current, operations).MembershipChange;
        if (change is { ReplaceAll: true })
        {
            EnsureShowable(limits, change.Add);
            return;
        }

        var room = limits.MaxMembersPerResponse - (change?.Add.Count ?? 0);
        var probe = room < 0 ? null : await store.GetAsync(tenant, group, groupId, ResourceLoadOptions.MemberLimitCheck(room), ct);
        if (room < 0 || probe?.MembersOverLimit == true)
        {
            throw ScimException.BadRequest(
                ScimErrorTypes.TooMany,
                $"After this PATCH, group '{groupId}' could have more than {limits.MaxMembersPerResponse} members (its members now and the "
                + $"{change?.Add.Count ?? 0} added), more than one response shows; nothing was changed. Send it without attributes "
                + "(it answers 204) or with excludedAttributes=members, and page the members with membersStartIndex and membersCount.");
        }
    }
}
