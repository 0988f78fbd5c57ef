namespace AutoRfpHex.Core.Scim.Resources;

/// <summary>What a read fills besides the document: membership edges cost a second query, so ask only when shown.</summary>
public sealed record ResourceLoadOptions(bool IncludeMembers, bool IncludeGroups)
{
    public static readonly ResourceLoadOptions DocumentOnly = new(false, false);
    public static readonly ResourceLoadOptions Full = new(true, true);
}
