using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Tests.Fakes;

/// <summary>Another store's answers, with a record of what was asked: how reads load resources and which queries ran.</summary>
public sealed class RecordingScimResourceStore(IScimResourceStore inner) : IScimResourceStore
{
    /// <summary>The load options of every <see cref="GetAsync"/>, in order.</summary>
    public List<ResourceLoadOptions> Loads { get; } = [];

    /// <summary>Every <see cref="QueryAsync"/>, in order.</summary>
    public List<(ScimResourceType Type, ScimQuery Query)> Queries { get; } = [];

    public Task<ScimResourceRecord?> GetAsync(Tenant tenant, ScimResourceType type, string id, ResourceLoadOptions load, CancellationToken cancellationToken)
    {
        Loads.Add(load);
        return inner.GetAsync(tenant, type, id, load, cancellationToken);
    }

    public Task<ScimQueryPage> QueryAsync(Tenant tenant, ScimResourceType type, ScimQuery query, CancellationToken cancellationToken)
    {
        Queries.Add((type, query));
        return inner.QueryAsync(tenant, type, query, cancellationToken);
    }

    public Task<StoreWriteResult> CreateAsync(Tenant tenant, ScimResourceRecord resource, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken) =>
        inner.CreateAsync(tenant, resource, memberIds, cancellationToken);

    public Task<StoreWriteResult> UpdateAsync(Tenant tenant, ScimResourceRecord resource, long expectedVersion, MembershipChange? membershipChange, CancellationToken cancellationToken) =>
        inner.UpdateAsync(tenant, resource, expectedVersion, membershipChange, cancellationToken);

    /// <summary>Every <see cref="UpdateMembersAsync"/>, in order.</summary>
    public List<(string GroupId, MembershipChange Change)> MemberUpdates { get; } = [];

    public Task<StoreWriteResult> UpdateMembersAsync(Tenant tenant, string groupId, MembershipChange change, DateTimeOffset lastModified, CancellationToken cancellationToken)
    {
        MemberUpdates.Add((groupId, change));
        return inner.UpdateMembersAsync(tenant, groupId, change, lastModified, cancellationToken);
    }

    public Task<bool> DeleteAsync(Tenant tenant, ScimResourceType type, string id, long? expectedVersion, CancellationToken cancellationToken) =>
        inner.DeleteAsync(tenant, type, id, expectedVersion, cancellationToken);
}
