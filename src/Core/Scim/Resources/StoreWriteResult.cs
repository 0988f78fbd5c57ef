namespace AutoRfpHex.Core.Scim.Resources;

public enum StoreWriteOutcome
{
    Written,
    NotFound,
    VersionMismatch,
    UniquenessViolation,
    UnknownMembers,

    /// <summary>The write would leave the organization's Production tenant without an active Admin.</summary>
    LastActiveAdmin,
}

/// <param name="Resource">The stored record after the write (when written).</param>
/// <param name="ConflictingAttribute">The unique attribute that clashed (on a uniqueness violation).</param>
/// <param name="UnknownMemberIds">Member ids that name no user or group of the tenant.</param>
public sealed record StoreWriteResult(
    StoreWriteOutcome Outcome,
    ScimResourceRecord? Resource = null,
    string? ConflictingAttribute = null,
    IReadOnlyList<string>? UnknownMemberIds = null)
{
    public static StoreWriteResult Written(ScimResourceRecord resource) => new(StoreWriteOutcome.Written, resource);
}
