namespace AutoRfpHex.Core.Scim.Resources;

/// <summary>One membership edge as SCIM shows it: a group's member, or a user's group.</summary>
public sealed record MemberReference(string Value, ScimResourceType Type, string? Display);
