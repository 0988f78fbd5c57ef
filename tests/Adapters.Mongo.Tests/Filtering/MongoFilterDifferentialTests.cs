using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Adapters.Mongo.Tests.Filtering;

/// <summary>The differential helper's documents (the query part needs a server and runs in the store's suite).</summary>
public sealed class MongoFilterDifferentialTests
{
    private static readonly Tenant Tenant = new("o", DeploymentEnvironment.Sandbox);

    private static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, 6, TimeSpan.Zero);

    [Fact]
    public void A_resource_document_has_the_fields_the_translation_reads()
    {
        var record = new ScimResourceRecord("u1", ScimResourceType.User, 3, At, At.AddSeconds(1), new JsonObject { ["userName"] = "Bob" });

        var document = MongoFilterDifferential.ResourceDocument(Tenant, record);

        MongoRendering.Json(document).Should().Be(MongoRendering.Expected(
            "{ 'org': 'o', 'env': 'Sandbox', 'type': 'User', 'resourceId': 'u1', 'version': NumberLong(3), 'created': ISODate('2026-01-02T03:04:05.006Z'), " +
            "'lastModified': ISODate('2026-01-02T03:04:06.006Z'), 'role': 'Member', 'integration': false, 'attributes': { 'userName': 'Bob' }, 'search': { 'userName': 'BOB' } }"));
    }

    [Fact]
    public void Membership_documents_carry_the_folded_group_id()
    {
        var group = new ScimResourceRecord("g-a", ScimResourceType.Group, 1, At, At, new JsonObject { ["displayName"] = "G" })
        {
            Members = [new MemberReference("u1", ScimResourceType.User, null)],
        };

        MongoRendering.Json(MongoFilterDifferential.MembershipDocuments(Tenant, group).Single()).Should().Be(MongoRendering.Expected(
            "{ 'org': 'o', 'env': 'Sandbox', 'groupId': 'g-a', 'memberId': 'u1', 'memberType': 'User', 'groupIdFolded': 'G-A' }"));
    }

    [Fact]
    public void Expected_ids_follow_the_evaluator_and_the_sort_comparer()
    {
        var records = new[]
        {
            new ScimResourceRecord("b", ScimResourceType.User, 1, At, At, new JsonObject { ["userName"] = "zed", ["active"] = true }),
            new ScimResourceRecord("a", ScimResourceType.User, 1, At, At, new JsonObject { ["userName"] = "Amy", ["active"] = true }),
            new ScimResourceRecord("c", ScimResourceType.User, 1, At, At, new JsonObject { ["userName"] = "Cy" }),
        };
        var sort = new SortSpecification(new AttributePath(null, "userName"), Descending: false);

        MongoFilterDifferential.Expected(records, ScimFilterParser.Parse("active eq true", ScimResourceType.User), sort).Should().Equal("a", "b");
        MongoFilterDifferential.Expected(records, null, null).Should().Equal("a", "b", "c");
    }
}
