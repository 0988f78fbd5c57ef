using System.Text.Json.Nodes;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Persistence.ContractTests.Support;

namespace AutoRfpHex.Persistence.ContractTests.Scim;

/// <summary>IScimResourceStore: documents round-trip exactly, reads are by type, writes are conditional on the version.</summary>
public abstract class ScimResourceStoreContract : PersistenceContract
{
    private static readonly Core.Tenancy.Tenant Tenant = Tenants.AProduction;

    private ScimRecords Records => new(Store, Time);

    [Fact]
    public async Task Created_user_reads_back_with_every_field_and_exact_json_kinds()
    {
        var document = new JsonObject
        {
            ["active"] = true,
            ["nickName"] = "0042",
            ["x509Certificates"] = new JsonArray(),
            ["name"] = new JsonObject { ["givenName"] = "Zoë", ["familyName"] = "Ångström 😀" },
            ["emails"] = new JsonArray(new JsonObject { ["value"] = "z@example.com", ["primary"] = false, ["type"] = "work" }),
            [ScimRecords.EnterpriseUrn] = new JsonObject { ["employeeNumber"] = "1", ["costCenter"] = 12, ["division"] = 1.5, ["manager"] = null },
        };
        var user = Records.User("zoe", document, AccountRole.Admin) with { IsIntegrationUser = true, Version = 7 };

        var written = await Store.Resources.CreateAsync(Tenant, user, [], None);
        var read = await Store.Resources.GetAsync(Tenant, ScimResourceType.User, user.Id, ResourceLoadOptions.Full, None);

        written.Outcome.Should().Be(StoreWriteOutcome.Written);
        foreach (var record in new[] { written.Resource!, read! })
        {
            record.Should().BeEquivalentTo(user, o => o.Excluding(r => r.Attributes));
            record.Attributes.ShouldEqualJson(user.Attributes);
        }
    }

    [Fact]
    public async Task Get_is_null_for_an_unknown_id_and_for_the_other_resource_type()
    {
        var user = await Records.CreateUserAsync(Tenant, "ann");

        (await Store.Resources.GetAsync(Tenant, ScimResourceType.User, ScimRecords.NewId(), ResourceLoadOptions.Full, None)).Should().BeNull();
        (await Store.Resources.GetAsync(Tenant, ScimResourceType.Group, user.Id, ResourceLoadOptions.Full, None)).Should().BeNull();
    }

    [Fact]
    public async Task Update_with_the_stored_version_replaces_the_document_and_keeps_created()
    {
        var user = await Records.CreateUserAsync(Tenant, "ann", new JsonObject { ["title"] = "Dr", ["active"] = true });
        var next = Records.NextVersion(user, a => { a.Remove("title"); a["active"] = false; }) with { Created = user.Created.AddDays(-9) };

        var result = await Store.Resources.UpdateAsync(Tenant, next, user.Version, null, None);
        var read = await Store.Resources.GetAsync(Tenant, ScimResourceType.User, user.Id, ResourceLoadOptions.DocumentOnly, None);

        result.Outcome.Should().Be(StoreWriteOutcome.Written);
        read!.Version.Should().Be(2);
        read.LastModified.Should().Be(next.LastModified);
        read.Created.Should().Be(user.Created, "created never changes after the resource is made");
        read.Attributes.ShouldEqualJson(new JsonObject { ["userName"] = "ann", ["active"] = false });
    }

    [Fact]
    public async Task Update_with_a_stale_version_is_refused_and_changes_nothing()
    {
        var user = await Records.CreateUserAsync(Tenant, "ann");
        var first = Records.NextVersion(user, a => a["title"] = "first");
        (await Store.Resources.UpdateAsync(Tenant, first, 1, null, None)).Outcome.Should().Be(StoreWriteOutcome.Written);

        var stale = Records.NextVersion(user, a => a["title"] = "stale");
        var result = await Store.Resources.UpdateAsync(Tenant, stale, 1, null, None);

        result.Outcome.Should().Be(StoreWriteOutcome.VersionMismatch);
        var read = await Store.Resources.GetAsync(Tenant, ScimResourceType.User, user.Id, ResourceLoadOptions.DocumentOnly, None);
        read!.Attributes["title"]!.GetValue<string>().Should().Be("first");
    }

    [Fact]
    public async Task Update_of_an_unknown_resource_is_not_found()
    {
        var ghost = Records.User("ghost");

        var result = await Store.Resources.UpdateAsync(Tenant, ghost with { Version = 2 }, 1, null, None);

        result.Outcome.Should().Be(StoreWriteOutcome.NotFound);
        (await Store.Resources.GetAsync(Tenant, ScimResourceType.User, ghost.Id, ResourceLoadOptions.Full, None)).Should().BeNull();
    }

    [Fact]
    public async Task Update_through_the_wrong_resource_type_is_not_found()
    {
        var group = await Records.CreateGroupAsync(Tenant, "Ops");
        var asUser = group with { Type = ScimResourceType.User, Version = 2, Attributes = new JsonObject { ["userName"] = "ops" } };

        (await Store.Resources.UpdateAsync(Tenant, asUser, 1, null, None)).Outcome.Should().Be(StoreWriteOutcome.NotFound);
    }

    [Fact]
    public async Task Delete_removes_the_resource_once()
    {
        var user = await Records.CreateUserAsync(Tenant, "ann");

        (await Store.Resources.DeleteAsync(Tenant, ScimResourceType.Group, user.Id, null, None)).Should().BeFalse("a user is not deleted as a group");
        (await Store.Resources.DeleteAsync(Tenant, ScimResourceType.User, user.Id, null, None)).Should().BeTrue();
        (await Store.Resources.DeleteAsync(Tenant, ScimResourceType.User, user.Id, null, None)).Should().BeFalse();
        (await Store.Resources.GetAsync(Tenant, ScimResourceType.User, user.Id, ResourceLoadOptions.Full, None)).Should().BeNull();
    }

    [Fact]
    public async Task A_delete_conditional_on_a_version_deletes_only_that_version()
    {
        var user = await Records.CreateUserAsync(Tenant, "ann");

        (await Store.Resources.DeleteAsync(Tenant, ScimResourceType.User, user.Id, user.Version + 1, None)).Should().BeFalse("the stored version is older");
        (await Store.Resources.GetAsync(Tenant, ScimResourceType.User, user.Id, ResourceLoadOptions.Full, None)).Should().NotBeNull();
        (await Store.Resources.DeleteAsync(Tenant, ScimResourceType.User, user.Id, user.Version, None)).Should().BeTrue();
        (await Store.Resources.GetAsync(Tenant, ScimResourceType.User, user.Id, ResourceLoadOptions.Full, None)).Should().BeNull();
    }

    [Fact]
    public async Task Creating_a_second_resource_with_a_taken_id_is_refused()
    {
        var user = await Records.CreateUserAsync(Tenant, "ann");
        var sameIdGroup = Records.Group("Ops") with { Id = user.Id };

        var result = await Store.Resources.CreateAsync(Tenant, sameIdGroup, [], None);

        result.Outcome.Should().Be(StoreWriteOutcome.UniquenessViolation);
        result.ConflictingAttribute.Should().Be("id");
    }

    [Fact]
    public async Task Written_result_is_the_stored_record()
    {
        var user = Records.User("ann", new JsonObject { ["active"] = true });

        var created = await Store.Resources.CreateAsync(Tenant, user, [], None);
        var updated = await Store.Resources.UpdateAsync(Tenant, Records.NextVersion(created.Resource!, a => a["active"] = false), 1, null, None);

        created.Resource!.Attributes.ShouldEqualJson(user.Attributes);
        updated.Resource!.Version.Should().Be(2);
        updated.Resource.Attributes["active"]!.GetValue<bool>().Should().BeFalse();
    }
}
