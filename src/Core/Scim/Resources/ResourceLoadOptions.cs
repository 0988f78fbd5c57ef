namespace AutoRfpHex.Core.Scim.Resources;

/// <summary>What a read fills besides the document: membership edges cost a second query, so ask only when shown.</summary>
public sealed record ResourceLoadOptions(bool IncludeMembers, bool IncludeGroups)
{
    public static readonly ResourceLoadOptions DocumentOnly = new(false, false);
    public static readonly ResourceLoadOptions Full = new(true, true);

    /// <summary>
    /// With <see cref="IncludeMembers"/>: the most members the whole read may hold, summed over the groups it returns (one
    /// for a get, the page for a query). When they have more together, no group's members are read and the group whose
    /// members take the running sum (in the order returned) past the limit has <see cref="ScimResourceRecord.MembersOverLimit"/>
    /// set, so no read ever loads a huge member list. The check reads at most limit + 1 membership entries in all: each
    /// group is counted only up to what is left of the limit, plus one. Null: no limit. Ignored when <see cref="MemberWindow"/> is set.
    /// </summary>
    public int? MemberLimit { get; init; }

    /// <summary>
    /// With <see cref="IncludeMembers"/> and <see cref="MemberLimit"/>: only the limit is checked
    /// (<see cref="ScimResourceRecord.MembersOverLimit"/>); no members are read, whatever the group's size.
    /// </summary>
    public bool OnlyCheckMemberLimit { get; init; }

    /// <summary>Whether a group has more than <paramref name="limit"/> members, read from at most limit + 1 membership entries.</summary>
    public static ResourceLoadOptions MemberLimitCheck(int limit) => new(true, false) { MemberLimit = limit, OnlyCheckMemberLimit = true };

    /// <summary>
    /// With <see cref="IncludeMembers"/>: only this page of a group's members (ordered by member id, ordinal) and
    /// <see cref="ScimResourceRecord.MemberTotal"/> filled. The store reads only the page, not the whole list.
    /// </summary>
    public MemberWindow? MemberWindow { get; init; }
}

/// <summary>A page of a group's members in member id order.</summary>
/// <param name="Offset">How many members to skip (0 or more).</param>
/// <param name="Count">How many to read at most (0: only the total).</param>
public sealed record MemberWindow(int Offset, int Count);
