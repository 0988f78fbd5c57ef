using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Scim.Resources;

/// <summary>
/// Persistence of SCIM Users and Groups for one tenant at a time. Implementations enforce, atomically:
/// userName unique per tenant and group displayName unique per tenant (both case-insensitive), writes
/// conditional on <see cref="ScimResourceRecord.Version"/>, membership edits in the same transaction as
/// the group, member ids naming existing resources of the same tenant, deletion of a resource's
/// memberships (both directions) with it, and that no update or delete takes away the last active Admin of
/// an organization's Production tenant (<see cref="StoreWriteOutcome.LastActiveAdmin"/>; a delete answers false).
/// </summary>
public interface IScimResourceStore
{
    Task<ScimResourceRecord?> GetAsync(Tenant tenant, ScimResourceType type, string id, ResourceLoadOptions load, CancellationToken cancellationToken);

    /// <summary>Stores a new resource (its Version is the first version) and, for a group, its initial members.</summary>
    Task<StoreWriteResult> CreateAsync(Tenant tenant, ScimResourceRecord resource, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the document if the stored version equals <paramref name="expectedVersion"/>; the caller sets the new Version.
    /// When the write would change nothing (the same attributes, role and integration flag, and no membership added or
    /// removed: re-adds, a member list sent again), nothing is written and the outcome is Written with the stored record,
    /// at its old version and lastModified, so re-sent requests do not move the ETag.
    /// </summary>
    Task<StoreWriteResult> UpdateAsync(Tenant tenant, ScimResourceRecord resource, long expectedVersion, MembershipChange? membershipChange, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to a group's members and, in the same transaction, when the membership did change,
    /// raises the stored version by one and sets its lastModified, whatever the version was (re-adding a member or removing
    /// a non-member leaves the version as it was): for PATCHes that change only members, which commute with
    /// any other write, so concurrent member edits of one group need no retries. Outcomes: Written (the group after the
    /// write, without edges), NotFound, or UnknownMembers (when an added id names no resource of the tenant; nothing is
    /// written). Cost: one row per named member, whatever the group's size (except <see cref="MembershipChange.ReplaceAll"/>).
    /// </summary>
    Task<StoreWriteResult> UpdateMembersAsync(Tenant tenant, string groupId, MembershipChange change, DateTimeOffset lastModified, CancellationToken cancellationToken);

    /// <summary>Deletes the resource and its memberships; with <paramref name="expectedVersion"/>, only if it is still at that version.</summary>
    /// <returns>False when no such resource exists in the tenant, or it is at another version than the one expected.</returns>
    Task<bool> DeleteAsync(Tenant tenant, ScimResourceType type, string id, long? expectedVersion, CancellationToken cancellationToken);

    Task<ScimQueryPage> QueryAsync(Tenant tenant, ScimResourceType type, ScimQuery query, CancellationToken cancellationToken);
}
