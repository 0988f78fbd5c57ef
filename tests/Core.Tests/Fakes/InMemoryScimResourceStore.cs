using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Tests.Fakes;

/// <summary>
/// <see cref="IScimResourceStore"/> in memory, with the guarantees the port promises: tenant scoping, version-conditional
/// writes, case-insensitive uniqueness (userName, group displayName), membership records apart from the group document,
/// unknown member ids reported, memberships deleted with either end. Records are copied in and out, as a real store would.
/// Filters need an evaluator (the shared one, once it lands); without one a filtered query throws.
/// </summary>
public sealed class InMemoryScimResourceStore(Func<FilterNode, ScimResourceRecord, bool>? filterEvaluator = null) : IScimResourceStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(Tenant Tenant, ScimResourceType Type, string Id), ScimResourceRecord> resources = [];
    private readonly HashSet<(Tenant Tenant, string GroupId, string MemberId)> memberships = [];

    /// <summary>How many conditional writes lost a race: lets concurrency tests show that races really happened.</summary>
    public int VersionMismatches { get; private set; }

    public Task<ScimResourceRecord?> GetAsync(Tenant tenant, ScimResourceType type, string id, ResourceLoadOptions load, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(resources.TryGetValue((tenant, type, id), out var found) ? Load(tenant, found, load) : null);
        }
    }

    public Task<StoreWriteResult> CreateAsync(Tenant tenant, ScimResourceRecord resource, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var refusal = Unique(tenant, resource) ?? Known(tenant, memberIds);
            if (refusal is not null)
            {
                return Task.FromResult(refusal);
            }

            resources[(tenant, resource.Type, resource.Id)] = Copy(resource);
            memberships.UnionWith(memberIds.Select(m => (tenant, resource.Id, m)));
            return Task.FromResult(StoreWriteResult.Written(Copy(resource)));
        }
    }

    public Task<StoreWriteResult> UpdateAsync(Tenant tenant, ScimResourceRecord resource, long expectedVersion, MembershipChange? membershipChange, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!resources.TryGetValue((tenant, resource.Type, resource.Id), out var stored))
            {
                return Task.FromResult(new StoreWriteResult(StoreWriteOutcome.NotFound));
            }

            if (stored.Version != expectedVersion)
            {
                VersionMismatches++;
                return Task.FromResult(new StoreWriteResult(StoreWriteOutcome.VersionMismatch));
            }

            var refusal = Unique(tenant, resource) ?? Known(tenant, membershipChange?.Add ?? []);
            if (refusal is not null)
            {
                return Task.FromResult(refusal);
            }

            resources[(tenant, resource.Type, resource.Id)] = Copy(resource);
            if (membershipChange is not null)
            {
                if (membershipChange.ReplaceAll)
                {
                    memberships.RemoveWhere(m => m.Tenant == tenant && m.GroupId == resource.Id);
                }
                else
                {
                    memberships.ExceptWith(membershipChange.Remove.Select(m => (tenant, resource.Id, m)));
                }

                memberships.UnionWith(membershipChange.Add.Select(m => (tenant, resource.Id, m)));
            }

            return Task.FromResult(StoreWriteResult.Written(Copy(resource)));
        }
    }

    public Task<bool> DeleteAsync(Tenant tenant, ScimResourceType type, string id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            memberships.RemoveWhere(m => m.Tenant == tenant && (m.GroupId == id || m.MemberId == id));
            return Task.FromResult(resources.Remove((tenant, type, id)));
        }
    }

    public Task<ScimQueryPage> QueryAsync(Tenant tenant, ScimResourceType type, ScimQuery query, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var matches = resources.Where(r => r.Key.Tenant == tenant && r.Key.Type == type).Select(r => r.Value)
                .Where(r => query.Filter is null || (filterEvaluator ?? throw new NotSupportedException("This fake needs a filter evaluator."))(query.Filter, r))
                .OrderBy(r => r.Created).ThenBy(r => r.Id, StringComparer.Ordinal)
                .ToList();
            if (query.Sort is { } sort)
            {
                var keyed = matches.Select(r => (Record: r, Key: SortKey(r, sort.Path))).OrderBy(k => k.Key is null);
                matches = (sort.Descending ? keyed.ThenByDescending(k => k.Key, StringComparer.OrdinalIgnoreCase) : keyed.ThenBy(k => k.Key, StringComparer.OrdinalIgnoreCase))
                    .Select(k => k.Record).ToList();
            }

            var page = matches.Skip(query.StartIndex - 1).Take(query.Count).Select(r => Load(tenant, r, query.Load)).ToList();
            return Task.FromResult(new ScimQueryPage(page, matches.Count));
        }
    }

    private StoreWriteResult? Unique(Tenant tenant, ScimResourceRecord resource)
    {
        var attribute = resource.Type == ScimResourceType.User ? "userName" : "displayName";
        var value = resource.Attributes[attribute]?.ToString();
        var clash = resources.Any(r => r.Key.Tenant == tenant && r.Key.Type == resource.Type && r.Key.Id != resource.Id
            && string.Equals(r.Value.Attributes[attribute]?.ToString(), value, StringComparison.OrdinalIgnoreCase));
        return clash ? new StoreWriteResult(StoreWriteOutcome.UniquenessViolation, ConflictingAttribute: attribute) : null;
    }

    private StoreWriteResult? Known(Tenant tenant, IEnumerable<string> memberIds)
    {
        var unknown = memberIds.Where(id => Find(tenant, id) is null).ToList();
        return unknown.Count > 0 ? new StoreWriteResult(StoreWriteOutcome.UnknownMembers, UnknownMemberIds: unknown) : null;
    }

    private ScimResourceRecord? Find(Tenant tenant, string id) =>
        resources.GetValueOrDefault((tenant, ScimResourceType.User, id)) ?? resources.GetValueOrDefault((tenant, ScimResourceType.Group, id));

    private ScimResourceRecord Load(Tenant tenant, ScimResourceRecord record, ResourceLoadOptions load) => Copy(record) with
    {
        Members = load.IncludeMembers
            ? [.. memberships.Where(m => m.Tenant == tenant && m.GroupId == record.Id).Select(m => Reference(Find(tenant, m.MemberId)!)).OrderBy(m => m.Value, StringComparer.Ordinal)]
            : [],
        Groups = load.IncludeGroups
            ? [.. memberships.Where(m => m.Tenant == tenant && m.MemberId == record.Id).Select(m => Reference(resources[(tenant, ScimResourceType.Group, m.GroupId)])).OrderBy(m => m.Value, StringComparer.Ordinal)]
            : [],
    };

    private static MemberReference Reference(ScimResourceRecord record) =>
        new(record.Id, record.Type, (record.Attributes["displayName"] ?? record.Attributes["userName"])?.ToString());

    private static ScimResourceRecord Copy(ScimResourceRecord record) =>
        record with { Attributes = record.Attributes.DeepClone().AsObject(), Members = [], Groups = [] };

    /// <summary>The value a record sorts by: a multi-valued attribute sorts by its primary (else first) value.</summary>
    private static string? SortKey(ScimResourceRecord record, AttributePath path)
    {
        if (path is { SchemaUrn: null, Attribute: "id" })
        {
            return record.Id;
        }

        if (path is { SchemaUrn: null, Attribute: "meta" })
        {
            return (path.SubAttribute == "created" ? record.Created : record.LastModified).UtcDateTime.ToString("O");
        }

        var container = path.SchemaUrn is null ? record.Attributes : record.Attributes[path.SchemaUrn] as JsonObject;
        var node = container?[path.Attribute];
        if (node is JsonArray values)
        {
            node = values.FirstOrDefault(v => v?["primary"]?.GetValueKind() == System.Text.Json.JsonValueKind.True) ?? values.FirstOrDefault();
        }

        node = path.SubAttribute is { } sub ? node?[sub] : node is JsonObject complex ? complex["value"] : node;
        return node?.ToString();
    }
}
