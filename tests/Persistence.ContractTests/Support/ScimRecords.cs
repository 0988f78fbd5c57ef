using System.Text.Json.Nodes;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Persistence.ContractTests.Support;

/// <summary>Builds records as Core hands them to a store, and writes them through the port.</summary>
public sealed class ScimRecords(PersistencePorts store, ManualTimeProvider time)
{
    public const string EnterpriseUrn = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    public static string NewId() => Guid.NewGuid().ToString();

    public ScimResourceRecord User(string userName, JsonObject? more = null, AccountRole role = AccountRole.Member)
    {
        var attributes = new JsonObject { ["userName"] = userName };
        foreach (var (key, value) in more ?? [])
        {
            attributes[key] = value?.DeepClone();
        }

        var now = time.Advance(TimeSpan.FromSeconds(1));
        return new ScimResourceRecord(NewId(), ScimResourceType.User, 1, now, now, attributes) { Role = role };
    }

    public ScimResourceRecord Group(string displayName)
    {
        var now = time.Advance(TimeSpan.FromSeconds(1));
        return new ScimResourceRecord(NewId(), ScimResourceType.Group, 1, now, now, new JsonObject { ["displayName"] = displayName });
    }

    /// <summary>Creates and asserts it was written; returns the stored record.</summary>
    public async Task<ScimResourceRecord> CreateAsync(Tenant tenant, ScimResourceRecord record, params string[] memberIds)
    {
        var result = await store.Resources.CreateAsync(tenant, record, memberIds, CancellationToken.None);
        result.Outcome.Should().Be(StoreWriteOutcome.Written, "the test's own setup must be written");
        return result.Resource!;
    }

    public Task<ScimResourceRecord> CreateUserAsync(Tenant tenant, string userName, JsonObject? more = null, AccountRole role = AccountRole.Member) =>
        CreateAsync(tenant, User(userName, more, role));

    public Task<ScimResourceRecord> CreateGroupAsync(Tenant tenant, string displayName, params string[] memberIds) =>
        CreateAsync(tenant, Group(displayName), memberIds);

    /// <summary>The next version of <paramref name="record"/> with its attributes changed by <paramref name="change"/>.</summary>
    public ScimResourceRecord NextVersion(ScimResourceRecord record, Action<JsonObject>? change = null)
    {
        var attributes = record.Attributes.DeepClone().AsObject();
        change?.Invoke(attributes);
        return record with { Version = record.Version + 1, LastModified = time.Advance(TimeSpan.FromSeconds(1)), Attributes = attributes };
    }
}
