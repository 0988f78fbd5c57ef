using System.Text.Json.Nodes;
using AutoRfpHex.Core.Accounts;

namespace AutoRfpHex.Core.Scim.Resources;

/// <summary>
/// A stored User or Group. <see cref="Attributes"/> holds the SCIM attributes in wire form with canonical
/// attribute names (extension attributes nested under their schema URN) but never <c>id</c>, <c>meta</c>,
/// <c>members</c> or <c>groups</c>: those live in the record's own fields or in membership records.
/// </summary>
public sealed record ScimResourceRecord(
    string Id,
    ScimResourceType Type,
    long Version,
    DateTimeOffset Created,
    DateTimeOffset LastModified,
    JsonObject Attributes)
{
    /// <summary>AutoRFP role of a user account (users only).</summary>
    public AccountRole Role { get; init; } = AccountRole.Member;

    /// <summary>True for an Admin created only to be impersonated by an integration (users only).</summary>
    public bool IsIntegrationUser { get; init; }

    /// <summary>A group's members; filled only when the load options ask for them.</summary>
    public IReadOnlyList<MemberReference> Members { get; init; } = [];

    /// <summary>The groups a user belongs to (read-only, computed); filled only when asked for.</summary>
    public IReadOnlyList<MemberReference> Groups { get; init; } = [];

    /// <summary>A group's member count; filled only when a <see cref="ResourceLoadOptions.MemberWindow"/> was asked for.</summary>
    public int? MemberTotal { get; init; }

    /// <summary>True when this group's members take the read past <see cref="ResourceLoadOptions.MemberLimit"/>; no group of the read then has <see cref="Members"/>.</summary>
    public bool MembersOverLimit { get; init; }
}
