using System.Text.Json.Nodes;
using AutoRfpHex.Adapters.Mongo.Accounts;
using AutoRfpHex.Adapters.Mongo.Scim;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Tests.Rendering;

public sealed class ScimDocumentRenderingTests
{
    private static readonly Tenant Tenant = new("org-a", DeploymentEnvironment.Production);
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private static ScimResourceRecord User(JsonObject attributes) =>
        new("u-1", ScimResourceType.User, 3, Now, Now.AddMinutes(1), attributes) { Role = AccountRole.Admin };

    [Fact]
    public void A_user_is_stored_with_its_tenant_type_version_attributes_and_search_view()
    {
        ScimResourceDocument.From(Tenant, User(new JsonObject { ["userName"] = "Ann", ["active"] = true })).ShouldRenderAs("""
            { org: 'org-a', env: 'Production', type: 'User', resourceId: 'u-1', version: NumberLong(3),
              created: ISODate('2026-03-02T09:30:00Z'), lastModified: ISODate('2026-03-02T09:31:00Z'),
              role: 'Admin', integration: false, attributes: { userName: 'Ann', active: true },
              search: { userName: 'ANN', active: true } }
            """);
    }

    [Fact]
    public void Attributes_read_back_exactly_as_written_kinds_order_and_extension_urns_included()
    {
        const string json = """
            {"userName":"ann","active":true,"count":1,"text":"1","ratio":1.50,"big":12345678901234,"none":null,
             "emails":[{"value":"a@x.test","primary":true}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"7","manager":{"value":"m-1"}},"$ref":"r"}
            """;
        var attributes = JsonNode.Parse(json)!.AsObject();

        var stored = ScimAttributesBson.ToBson(attributes);
        var readBack = ScimAttributesBson.ToJson(stored);

        readBack.ToJsonString().Should().Be(attributes.ToJsonString());
        stored.Names.Should().NotContain(name => name.Contains('.') || name.StartsWith('$'), "a dotted or $ name cannot be addressed by a MongoDB path");
        stored["count"].BsonType.Should().Be(BsonType.Int64);
        stored["ratio"].BsonType.Should().Be(BsonType.Decimal128);
    }

    [Theory]
    [InlineData("1e-30", "1E-30")]
    [InlineData("0.1234567890123456789012345678901234", "0.1234567890123456789012345678901234")]
    [InlineData("-0.0", "-0.0")]
    [InlineData("1E+2", "1E+2")]
    [InlineData("79228162514264337593543950336.5", "79228162514264337593543950336.5")] // past System.Decimal
    public void Numbers_keep_their_value_digits_and_exponent(string sent, string readBack)
    {
        var attributes = JsonNode.Parse($$"""{"x":{{sent}}}""")!.AsObject();

        var number = ScimAttributesBson.ToJson(ScimAttributesBson.ToBson(attributes))["x"]!;

        number.ToJsonString().Should().Be(readBack);
        JsonNode.DeepEquals(number, attributes["x"]).Should().BeTrue("a re-sent document must compare equal to the stored one");
    }

    [Fact]
    public void An_update_replaces_everything_but_tenant_id_type_and_created_search_view_included()
    {
        ScimResourceDocument.Replacement(User(new JsonObject { ["userName"] = "ann" })).Render().ShouldRenderAs("""
            { $set: { version: NumberLong(3), lastModified: ISODate('2026-03-02T09:31:00Z'), role: 'Admin', integration: false,
                      attributes: { userName: 'ann' }, search: { userName: 'ANN' } } }
            """);
    }

    [Fact]
    public void A_member_edit_raises_the_version_in_place()
    {
        MongoScimResourceStore.VersionRaised(Now).Render().ShouldRenderAs(
            "{ $inc: { version: NumberLong(1) }, $set: { lastModified: ISODate('2026-03-02T09:30:00Z') } }");
    }

    [Fact]
    public void Another_active_Admin_is_an_Admin_user_of_the_tenant_not_deactivated_other_than_the_one_written()
    {
        ActiveAdminContinuity.OtherActiveAdmins(Tenant, "u-1").Render().ShouldRenderAs("""
            { org: 'org-a', env: 'Production', type: 'User', role: 'Admin', resourceId: { $ne: 'u-1' }, 'attributes.active': { $ne: false } }
            """);
    }

    [Fact]
    public void Accounts_list_in_folded_userName_order_as_the_embedded_store_which_the_unique_index_gives()
    {
        MongoUserAccountStore.Users(Tenant, AccountRole.Admin).Render().ShouldRenderAs("{ org: 'org-a', env: 'Production', type: 'User', role: 'Admin' }");
        MongoUserAccountStore.ByUserName.Render().ShouldRenderAs("{ 'search.userName': 1 }");
    }

    [Fact]
    public void A_list_without_sortBy_is_in_creation_order_then_id()
    {
        MongoScimResourceStore.DefaultOrder.Render().ShouldRenderAs("{ created: 1, resourceId: 1 }");
    }

    [Theory]
    [InlineData("User", "Dana", "ann", "Dana")]
    [InlineData("User", "", "ann", "ann")]
    [InlineData("User", null, "ann", "ann")]
    [InlineData("Group", null, null, null)]
    [InlineData("Group", "Ops", null, "Ops")]
    public void A_members_display_is_its_displayName_or_for_a_user_its_userName(string type, string? displayName, string? userName, string? expected)
    {
        var attributes = new BsonDocument();
        if (displayName is not null)
        {
            attributes.Add("displayName", displayName);
        }

        if (userName is not null)
        {
            attributes.Add("userName", userName);
        }

        MembershipReads.Display(new BsonDocument { { "type", type }, { "attributes", attributes } }).Should().Be(expected);
    }
}
