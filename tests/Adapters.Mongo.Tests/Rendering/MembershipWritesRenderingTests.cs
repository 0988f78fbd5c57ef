using AutoRfpHex.Adapters.Mongo.Scim;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Tests.Rendering;

public sealed class MembershipWritesRenderingTests
{
    private static readonly Tenant Tenant = new("org-a", DeploymentEnvironment.Sandbox);

    private static readonly Dictionary<string, ScimResourceType> Types = new() { ["u-1"] = ScimResourceType.User, ["g-2"] = ScimResourceType.Group };

    private static IReadOnlyList<string> Render(MembershipChange change) =>
        MembershipDocuments.Writes(Tenant, "g-1", change, Types).Select(write => write switch
        {
            DeleteManyModel<BsonDocument> delete => "delete " + delete.Filter.Render().ToJson(),
            UpdateOneModel<BsonDocument> upsert => $"upsert={upsert.IsUpsert} " + upsert.Filter.Render().ToJson() + " " + upsert.Update.Render().ToJson(),
            _ => write.ModelType.ToString(),
        }).ToList();

    [Fact]
    public void Adding_members_upserts_one_edge_each_so_a_re_add_is_a_no_op()
    {
        Render(new MembershipChange(["u-1", "g-2", "u-1"], [], false)).Should().Equal(
            """upsert=True { "org" : "org-a", "env" : "Sandbox", "groupId" : "g-1", "memberId" : "u-1" } { "$setOnInsert" : { "memberType" : "User", "groupIdFolded" : "G-1" } }""",
            """upsert=True { "org" : "org-a", "env" : "Sandbox", "groupId" : "g-1", "memberId" : "g-2" } { "$setOnInsert" : { "memberType" : "Group", "groupIdFolded" : "G-1" } }""");
    }

    [Fact]
    public void Removing_members_deletes_only_their_edges_of_this_group()
    {
        Render(new MembershipChange([], ["u-1", "u-9"], false)).Should().Equal(
            """delete { "org" : "org-a", "env" : "Sandbox", "groupId" : "g-1", "memberId" : { "$in" : ["u-1", "u-9"] } }""");
    }

    [Fact]
    public void Replacing_all_members_deletes_the_others_then_upserts_the_new_set()
    {
        Render(MembershipChange.Replace(["u-1"])).Should().Equal(
            """delete { "org" : "org-a", "env" : "Sandbox", "groupId" : "g-1", "memberId" : { "$nin" : ["u-1"] } }""",
            """upsert=True { "org" : "org-a", "env" : "Sandbox", "groupId" : "g-1", "memberId" : "u-1" } { "$setOnInsert" : { "memberType" : "User", "groupIdFolded" : "G-1" } }""");
    }

    [Fact]
    public void Deleting_a_resource_takes_its_edges_in_both_directions()
    {
        MembershipDocuments.Touching(Tenant, "u-1").Render().ShouldRenderAs(
            "{ org: 'org-a', env: 'Sandbox', $or: [ { groupId: 'u-1' }, { memberId: 'u-1' } ] }");
    }
}
