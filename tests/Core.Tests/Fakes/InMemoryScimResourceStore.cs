using System.Globalization;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Tests.Fakes;

/// <summary>
/// <see cref="IScimResourceStore"/> in memory, with the guarantees the port promises: tenant scoping, version-conditional
/// writes, case-insensitive uniqueness (userName, group displayName), membership records apart from the group document,
/// unknown member ids reported, memberships deleted with either end. Records are copied in and out, as a real store would.
/// Queries follow the reference semantics: <see cref="ScimFilterEvaluator"/> on fully loaded records, <see cref="ScimSortComparer"/>.
/// </summary>
public sealed class InMemoryScimResourceStore : IScimResourceStore, IUserAccountStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(Tenant Tenant, ScimResourceType Type, string Id), ScimResourceRecord> resources = [];
    private readonly HashSet<(Tenant Tenant, string GroupId, string MemberId)> memberships = [];

    /// <summary>How many conditional writes lost a race: lets concurrency tests show that races really happened.</summary>
    public int VersionMismatches { get; private set; }

    /// <summary>Awaited before each update takes effect: widens the window between read and write, as network latency would.</summary>
    public Func<Task>? BeforeUpdate { get; set; }

    /// <summary>Runs before a delete takes effect, to let a test write in between a check and the delete.</summary>
    public Func<Task>? BeforeDelete { get; set; }

    public Task<ScimResourceRecord?> GetAsync(Tenant tenant, ScimResourceType type, string id, ResourceLoadOptions load, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(resources.TryGetValue((tenant, type, id), out var found) ? WithinMemberLimit([Load(tenant, found, load)], load)[0] : null);
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

    public async Task<StoreWriteResult> UpdateAsync(Tenant tenant, ScimResourceRecord resource, long expectedVersion, MembershipChange? membershipChange, CancellationToken cancellationToken)
    {
        if (BeforeUpdate is { } delay)
        {
            await delay();
        }

        return Update(tenant, resource, expectedVersion, membershipChange);
    }

    private StoreWriteResult Update(Tenant tenant, ScimResourceRecord resource, long expectedVersion, MembershipChange? membershipChange)
    {
        lock (gate)
        {
            if (!resources.TryGetValue((tenant, resource.Type, resource.Id), out var stored))
            {
                return new StoreWriteResult(StoreWriteOutcome.NotFound);
            }

            if (stored.Version != expectedVersion)
            {
                VersionMismatches++;
                return new StoreWriteResult(StoreWriteOutcome.VersionMismatch);
            }

            var refusal = Unique(tenant, resource) ?? Known(tenant, membershipChange?.Add ?? []);
            if (refusal is not null)
            {
                return refusal;
            }

            var membershipsChanged = membershipChange is not null && ApplyMembers(tenant, resource.Id, membershipChange);
            if (!membershipsChanged && StoredDocuments.Same(stored, resource))
            {
                return StoreWriteResult.Written(Copy(stored)); // nothing changed: the version stays, as the port says
            }

            resources[(tenant, resource.Type, resource.Id)] = Copy(resource);
            return StoreWriteResult.Written(Copy(resource));
        }
    }

    /// <summary>How many membership-only writes there were (they never lose a race: no version is checked).</summary>
    public int MemberUpdates { get; private set; }

    public async Task<StoreWriteResult> UpdateMembersAsync(Tenant tenant, string groupId, MembershipChange change, DateTimeOffset lastModified, CancellationToken cancellationToken)
    {
        if (BeforeUpdate is { } delay)
        {
            await delay();
        }

        lock (gate)
        {
            if (!resources.TryGetValue((tenant, ScimResourceType.Group, groupId), out var stored))
            {
                return new StoreWriteResult(StoreWriteOutcome.NotFound);
            }

            if (Known(tenant, change.Add) is { } refusal)
            {
                return refusal;
            }

            MemberUpdates++;
            if (!ApplyMembers(tenant, groupId, change))
            {
                return StoreWriteResult.Written(Copy(stored));
            }

            var updated = stored with { Version = stored.Version + 1, LastModified = lastModified };
            resources[(tenant, ScimResourceType.Group, groupId)] = updated;
            return StoreWriteResult.Written(Copy(updated));
        }
    }

    /// <returns>Whether any membership was added or removed.</returns>
    private bool ApplyMembers(Tenant tenant, string groupId, MembershipChange change)
    {
        var removed = change.ReplaceAll
            ? memberships.RemoveWhere(m => m.Tenant == tenant && m.GroupId == groupId && !change.Add.Contains(m.MemberId))
            : change.Remove.Count(m => memberships.Remove((tenant, groupId, m)));
        var added = change.Add.Count(m => memberships.Add((tenant, groupId, m)));
        return removed + added > 0;
    }

    public async Task<bool> DeleteAsync(Tenant tenant, ScimResourceType type, string id, long? expectedVersion, CancellationToken cancellationToken)
    {
        if (BeforeDelete is { } before)
        {
            BeforeDelete = null;
            await before();
        }

        lock (gate)
        {
            if (expectedVersion is { } version && (!resources.TryGetValue((tenant, type, id), out var stored) || stored.Version != version))
            {
                return false;
            }

            memberships.RemoveWhere(m => m.Tenant == tenant && (m.GroupId == id || m.MemberId == id));
            return resources.Remove((tenant, type, id));
        }
    }

    public Task<ScimQueryPage> QueryAsync(Tenant tenant, ScimResourceType type, ScimQuery query, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var matches = resources.Where(r => r.Key.Tenant == tenant && r.Key.Type == type).Select(r => r.Value)
                .Where(r => query.Filter is null || ScimFilterEvaluator.Matches(query.Filter, Load(tenant, r, ResourceLoadOptions.Full)))
                .OrderBy(r => r.Created).ThenBy(r => r.Id, StringComparer.Ordinal)
                .ToList();
            if (query.Sort is { } sort)
            {
                matches.Sort(ScimSortComparer.For(sort));
            }

            if (query.Seek is { } seek)
            {
                return Task.FromResult(Seek(tenant, matches, query, seek));
            }

            var page = matches.Skip(query.StartIndex - 1).Take(query.Count).Select(r => Load(tenant, r, query.Load)).ToList();
            return Task.FromResult(new ScimQueryPage(WithinMemberLimit(page, query.Load), matches.Count));
        }
    }

    /// <summary>The page on one side of a position of the sorted matches; positions as <see cref="Position"/> makes them.</summary>
    private ScimQueryPage Seek(Tenant tenant, List<ScimResourceRecord> ordered, ScimQuery query, ScimSeek seek)
    {
        var positions = ordered.Select(r => Position(r, query.Sort)).ToList();
        int FirstIndex(Func<int, bool> fromHere) => Enumerable.Range(0, positions.Count).FirstOrDefault(i => fromHere(i), positions.Count);

        int start, end;
        if (seek.Direction == ScimSeekDirection.Forward)
        {
            start = seek.From is null ? 0 : FirstIndex(i => ComparePositions(positions[i], seek.From, query.Sort) > 0);
            end = Math.Min(start + query.Count, positions.Count);
        }
        else
        {
            end = seek.From is null ? positions.Count : FirstIndex(i => ComparePositions(positions[i], seek.From, query.Sort) >= 0);
            start = Math.Max(0, end - query.Count);
        }

        var page = WithinMemberLimit(ordered[start..end].Select(r => Load(tenant, r, query.Load)).ToList(), query.Load);
        var bounds = new ScimPageBounds(
            page.Count > 0 ? positions[start] : null, page.Count > 0 ? positions[end - 1] : null, MoreBefore: start > 0, MoreAfter: end < positions.Count);
        return new ScimQueryPage(page, ordered.Count, bounds);
    }

    /// <summary>This store's positions: the comparer's sort key (a dateTime as fixed-width UTC text, which sorts as time does), then the id.</summary>
    private static ScimSortPosition Position(ScimResourceRecord record, SortSpecification? sort)
    {
        var key = sort is null ? record.Created : ScimSortComparer.SortKey(record, sort.Path);
        return new(key is DateTimeOffset instant ? instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) : key, record.Id);
    }

    /// <summary>The order of <see cref="ScimSortComparer"/> on positions; keys of different kinds (a forged cursor) order by kind.</summary>
    private static int ComparePositions(ScimSortPosition x, ScimSortPosition y, SortSpecification? sort)
    {
        static int Kind(object? key) => key switch { bool => 0, double => 1, string => 2, _ => 3 };
        var byKey = (x.Key, y.Key) switch
        {
            (string a, string b) => ScimStringComparison.CompareCodePoints(a, b),
            (double a, double b) => a.CompareTo(b),
            (bool a, bool b) => a.CompareTo(b),
            var (a, b) => Kind(a).CompareTo(Kind(b)),
        };
        return byKey != 0 ? (sort?.Descending == true ? -byKey : byKey) : string.CompareOrdinal(x.Id, y.Id);
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

    private ScimResourceRecord Load(Tenant tenant, ScimResourceRecord record, ResourceLoadOptions load)
    {
        var members = load.IncludeMembers
            ? memberships.Where(m => m.Tenant == tenant && m.GroupId == record.Id).Select(m => Reference(Find(tenant, m.MemberId)!)).OrderBy(m => m.Value, StringComparer.Ordinal).ToList()
            : [];
        return Copy(record) with
        {
            Members = load.MemberWindow is { } window && load.IncludeMembers ? [.. members.Skip(window.Offset).Take(window.Count)] : members,
            MemberTotal = load.MemberWindow is not null && load.IncludeMembers && record.Type == ScimResourceType.Group ? members.Count : null,
            Groups = load.IncludeGroups
                ? [.. memberships.Where(m => m.Tenant == tenant && m.MemberId == record.Id).Select(m => Reference(resources[(tenant, ScimResourceType.Group, m.GroupId)])).OrderBy(m => m.Value, StringComparer.Ordinal)]
                : [],
        };
    }

    /// <summary>The port's member limit over a whole read: the group that takes the running sum past it is flagged and no group keeps members.</summary>
    private static List<ScimResourceRecord> WithinMemberLimit(List<ScimResourceRecord> loaded, ResourceLoadOptions load)
    {
        if (!load.IncludeMembers || load.MemberWindow is not null || load.MemberLimit is not { } limit)
        {
            return loaded;
        }

        var left = limit;
        var over = loaded.FirstOrDefault(r => (left -= r.Members.Count) < 0)?.Id;
        return over is null && !load.OnlyCheckMemberLimit
            ? loaded
            : loaded.Select(r => r with { Members = [], MembersOverLimit = r.Id == over }).ToList();
    }

    private static MemberReference Reference(ScimResourceRecord record) =>
        new(record.Id, record.Type, (record.Attributes["displayName"] ?? record.Attributes["userName"])?.ToString());

    private static ScimResourceRecord Copy(ScimResourceRecord record) =>
        record with { Attributes = record.Attributes.DeepClone().AsObject(), Members = [], Groups = [], MemberTotal = null, MembersOverLimit = false };

    public Task<IReadOnlyList<ScimResourceRecord>> ListAsync(Tenant tenant, AccountRole? role, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<ScimResourceRecord> users = resources
                .Where(e => e.Key.Tenant == tenant && e.Key.Type == ScimResourceType.User && (role is null || e.Value.Role == role))
                .Select(e => Copy(e.Value))
                .ToList();
            return Task.FromResult(users);
        }
    }

    public Task<StoreWriteResult> SetRoleAsync(Tenant tenant, string userId, AccountRole role, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!resources.TryGetValue((tenant, ScimResourceType.User, userId), out var user))
            {
                return Task.FromResult(new StoreWriteResult(StoreWriteOutcome.NotFound));
            }

            var updated = user with { Role = role, Version = user.Version + 1 };
            resources[(tenant, ScimResourceType.User, userId)] = updated;
            return Task.FromResult(StoreWriteResult.Written(Copy(updated)));
        }
    }
}
