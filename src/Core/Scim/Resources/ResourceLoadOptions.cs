namespace AutoRfpHex.Core.Scim.Resources;

/// <summary>What a read fills besides the document: membership edges cost a second query, so ask only when shown.</summary>
public sealed record ResourceLoadOptions(bool IncludeMembers, bool IncludeGroups)
{
    public static readonly ResourceLoadOptions DocumentOnly = new(false, false);
    public static readonly ResourceLoadOptions Full = new(true, true);

    /// <summary>
    /// With <see cref="IncludeMembers"/>: a group larger than this is read without its members and with
    /// <see cref="ScimResourceRecord.MembersOverLimit"/> set, so no read ever loads a huge member list. Null: no limit.
    /// Ignored when <see cref="MemberWindow"/> is set.
    /// </summary>
    public int? MemberLimit { get; init; }

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
