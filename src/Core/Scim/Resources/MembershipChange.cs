namespace AutoRfpHex.Core.Scim.Resources;

/// <summary>
/// Membership edits applied in the same store transaction as the group document.
/// With <see cref="ReplaceAll"/>, <see cref="Add"/> is the complete new member set and <see cref="Remove"/> is ignored.
/// Adding an existing member or removing an absent one is a no-op.
/// </summary>
public sealed record MembershipChange(IReadOnlyCollection<string> Add, IReadOnlyCollection<string> Remove, bool ReplaceAll)
{
    public static MembershipChange Replace(IReadOnlyCollection<string> members) => new(members, [], true);

    public bool IsEmpty => !ReplaceAll && Add.Count == 0 && Remove.Count == 0;
}
