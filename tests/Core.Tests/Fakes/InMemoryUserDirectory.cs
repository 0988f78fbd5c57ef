using System.Diagnostics;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Tests.Fakes;

/// <summary>
/// SCIM Users per tenant, and their AutoRFP roles: what the credential use cases read and write. Holds users only
/// (groups, membership and filters belong to the SCIM engine's fakes). userName is unique per tenant, ignoring case;
/// updates are conditional on the version; records are copied in and out so callers cannot change stored state.
/// </summary>
public sealed class InMemoryUserDirectory : IScimResourceStore, IUserAccountStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(Tenant Tenant, string Id), ScimResourceRecord> users = [];

    public Task<ScimResourceRecord?> GetAsync(Tenant tenant, ScimResourceType type, string id, ResourceLoadOptions load, CancellationToken cancellationToken)
    {
        RequireUsers(type);
        lock (gate)
        {
            return Task.FromResult(users.TryGetValue((tenant, id), out var user) ? Copy(user) : null);
        }
    }

    public Task<StoreWriteResult> CreateAsync(Tenant tenant, ScimResourceRecord resource, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken)
    {
        RequireUsers(resource.Type);
        lock (gate)
        {
            if (users.ContainsKey((tenant, resource.Id)) || UserNameTaken(tenant, resource, exceptId: null))
            {
                return Task.FromResult(new StoreWriteResult(StoreWriteOutcome.UniquenessViolation, ConflictingAttribute: "userName"));
            }

            users[(tenant, resource.Id)] = Copy(resource);
            return Task.FromResult(StoreWriteResult.Written(Copy(resource)));
        }
    }

    public Task<StoreWriteResult> UpdateAsync(Tenant tenant, ScimResourceRecord resource, long expectedVersion, MembershipChange? membershipChange, CancellationToken cancellationToken)
    {
        RequireUsers(resource.Type);
        lock (gate)
        {
            if (!users.TryGetValue((tenant, resource.Id), out var current))
            {
                return Task.FromResult(new StoreWriteResult(StoreWriteOutcome.NotFound));
            }

            if (current.Version != expectedVersion)
            {
                return Task.FromResult(new StoreWriteResult(StoreWriteOutcome.VersionMismatch));
            }

            if (UserNameTaken(tenant, resource, exceptId: resource.Id))
            {
                return Task.FromResult(new StoreWriteResult(StoreWriteOutcome.UniquenessViolation, ConflictingAttribute: "userName"));
            }

            if (StoredDocuments.Same(current, resource))
            {
                return Task.FromResult(StoreWriteResult.Written(Copy(current))); // nothing to store: the version stays
            }

            users[(tenant, resource.Id)] = Copy(resource);
            return Task.FromResult(StoreWriteResult.Written(Copy(resource)));
        }
    }

    public Task<StoreWriteResult> UpdateMembersAsync(Tenant tenant, string groupId, MembershipChange change, DateTimeOffset lastModified, CancellationToken cancellationToken)
    {
        RequireUsers(ScimResourceType.Group);
        throw new UnreachableException();
    }

    public Task<bool> DeleteAsync(Tenant tenant, ScimResourceType type, string id, long? expectedVersion, CancellationToken cancellationToken)
    {
        RequireUsers(type);
        lock (gate)
        {
            if (expectedVersion is { } version && (!users.TryGetValue((tenant, id), out var stored) || stored.Version != version))
            {
                return Task.FromResult(false);
            }

            return Task.FromResult(users.Remove((tenant, id)));
        }
    }

    public Task<ScimQueryPage> QueryAsync(Tenant tenant, ScimResourceType type, ScimQuery query, CancellationToken cancellationToken)
    {
        RequireUsers(type);
        if (query.Filter is not null || query.Sort is not null || query.Seek is not null)
        {
            throw new NotSupportedException("This fake lists users unfiltered, by userName, by index; filters and seeks belong to the SCIM engine's fakes.");
        }

        var all = Ordered(tenant);
        var page = all.Skip(Math.Max(query.StartIndex, 1) - 1).Take(query.Count).ToList();
        return Task.FromResult(new ScimQueryPage(page, all.Count));
    }

    public Task<IReadOnlyList<ScimResourceRecord>> ListAsync(Tenant tenant, AccountRole? role, CancellationToken cancellationToken)
    {
        IReadOnlyList<ScimResourceRecord> list = Ordered(tenant).Where(u => role is null || u.Role == role).ToList();
        return Task.FromResult(list);
    }

    public Task<StoreWriteResult> SetRoleAsync(Tenant tenant, string userId, AccountRole role, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!users.TryGetValue((tenant, userId), out var user))
            {
                return Task.FromResult(new StoreWriteResult(StoreWriteOutcome.NotFound));
            }

            var updated = Copy(user) with { Role = role, Version = user.Version + 1 };
            users[(tenant, userId)] = updated;
            return Task.FromResult(StoreWriteResult.Written(Copy(updated)));
        }
    }

    /// <summary>Sets SCIM <c>active</c>, as an identity provider's PATCH would.</summary>
    public void SetActive(Tenant tenant, string userId, bool active)
    {
        lock (gate)
        {
            var user = Copy(users[(tenant, userId)]);
            user.Attributes["active"] = active;
            users[(tenant, userId)] = user with { Version = user.Version + 1 };
        }
    }

    private List<ScimResourceRecord> Ordered(Tenant tenant)
    {
        lock (gate)
        {
            return users.Where(e => e.Key.Tenant == tenant)
                .Select(e => Copy(e.Value))
                .OrderBy(u => UserName(u), StringComparer.OrdinalIgnoreCase)
                .ToList();
        }
    }

    private bool UserNameTaken(Tenant tenant, ScimResourceRecord candidate, string? exceptId) =>
        users.Any(e => e.Key.Tenant == tenant && e.Key.Id != exceptId
            && string.Equals(UserName(e.Value), UserName(candidate), StringComparison.OrdinalIgnoreCase));

    private static string? UserName(ScimResourceRecord user) => user.Attributes["userName"]?.GetValue<string>();

    private static ScimResourceRecord Copy(ScimResourceRecord record) =>
        record with { Attributes = (JsonObject)record.Attributes.DeepClone() };

    private static void RequireUsers(ScimResourceType type)
    {
        if (type != ScimResourceType.User)
        {
            throw new NotSupportedException("This fake holds users only.");
        }
    }
}
