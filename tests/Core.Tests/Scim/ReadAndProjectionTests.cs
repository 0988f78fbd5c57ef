using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Service;
using AutoRfpHex.Core.Tests.Fakes;
using static AutoRfpHex.Core.Tests.Scim.ScimTestHost;

namespace AutoRfpHex.Core.Tests.Scim;

public sealed class ReadAndProjectionTests
{
    private readonly ScimTestHost host = new();

    private async Task<string> Dana() => (await host.CreateUser("dana@example.com", $$"""
        "name":{"givenName":"Dana","familyName":"Dunn"},"active":true,
        "emails":[{"value":"dana@example.com","type":"work","primary":true},{"value":"d@home.example","type":"home"}],
        "{{EnterpriseUrn}}":{"employeeNumber":"E-4","department":"Ops"}
        """)).Id;

    private static AttributeSelection Only(string attributes) => AttributeSelection.FromQuery(attributes, null);

    private static AttributeSelection Without(string excluded) => AttributeSelection.FromQuery(null, excluded);

    [Fact]
    public async Task Get_returns_what_create_returned()
    {
        var created = await host.CreateUser("dana@example.com", "\"active\":true");

        var read = await host.Get(ScimResourceType.User, created.Id);

        read.Body.ShouldBeJson(created.Body.ToJsonString());
        read.ETag.Should().Be(created.ETag);
        read.Location.Should().Be(created.Location);
    }

    [Fact]
    public async Task Attributes_returns_only_those_plus_schemas_and_id()
    {
        var id = await Dana();

        var read = await host.Get(ScimResourceType.User, id, Only("USERNAME"));

        read.Body.ShouldBeJson($$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{EnterpriseUrn}}"],"id":"{{id}}","userName":"dana@example.com"}""");
    }

    [Fact]
    public async Task Attributes_may_name_sub_attributes_extension_attributes_and_meta_parts()
    {
        var id = await Dana();

        var read = await host.Get(ScimResourceType.User, id, Only($"emails.value,name.familyName,{EnterpriseUrn}:employeeNumber,meta.version,nonsense,emails[x"));

        read.Body.ShouldBeJson($$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{EnterpriseUrn}}"],"id":"{{id}}",
             "name":{"familyName":"Dunn"},"emails":[{"value":"dana@example.com"},{"value":"d@home.example"}],
             "{{EnterpriseUrn}}":{"employeeNumber":"E-4"},"meta":{"version":"W/\"1\""} }
            """);
    }

    [Fact]
    public async Task A_bare_extension_urn_selects_the_whole_extension()
    {
        var id = await Dana();

        var read = await host.Get(ScimResourceType.User, id, Only(EnterpriseUrn.ToUpperInvariant()));

        read.Body[EnterpriseUrn].ShouldBeJson("""{"employeeNumber":"E-4","department":"Ops"}""");
        read.Body.ContainsKey("userName").Should().BeFalse();
    }

    [Fact]
    public async Task Excluded_attributes_disappear_but_id_is_always_returned()
    {
        var id = await Dana();

        var read = await host.Get(ScimResourceType.User, id, Without($"meta,emails,id,name.givenName,{EnterpriseUrn}:department"));

        read.Body.ShouldBeJson($$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{EnterpriseUrn}}"],"id":"{{id}}","userName":"dana@example.com",
             "name":{"familyName":"Dunn"},"active":true,"{{EnterpriseUrn}}":{"employeeNumber":"E-4"} }
            """);
    }

    [Fact]
    public async Task Entra_V46_group_without_members_has_no_members_key_and_members_are_not_loaded()
    {
        var recording = new RecordingScimResourceStore(new InMemoryScimResourceStore());
        var service = new ScimResourceService(recording, host.Store, host.Clock);
        var user = await service.CreateAsync(host.Context, ScimResourceType.User, Json("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"u@example.com"}"""), AttributeSelection.All, CancellationToken.None);
        var group = await service.CreateAsync(host.Context, ScimResourceType.Group, Json($$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Engineering","externalId":"e-1","members":[{"value":"{{user.Id}}"}]}
            """), Without("members"), CancellationToken.None);
        recording.Loads.Clear();

        var read = await service.GetAsync(host.Context, ScimResourceType.Group, group.Id, Without("members"), CancellationToken.None);

        read.Body.ContainsKey("members").Should().BeFalse();
        read.Body.ContainsKey("externalId").Should().BeTrue();
        read.Body.ContainsKey("meta").Should().BeTrue();
        recording.Loads.Should().Equal(ResourceLoadOptions.DocumentOnly);
    }

    [Fact]
    public async Task A_user_shows_its_groups_read_only_and_computed()
    {
        var id = await Dana();
        var group = (await host.CreateGroup("Ops", id)).Id;

        var read = await host.Get(ScimResourceType.User, id);

        read.Body["groups"].ShouldBeJson($$"""[{"value":"{{group}}","display":"Ops","type":"direct","$ref":"{{BaseUrl}}/Groups/{{group}}"}]""");
        (await host.Get(ScimResourceType.User, id, Without("groups"))).Body.ContainsKey("groups").Should().BeFalse();
    }

    [Fact]
    public async Task Attributes_members_value_shows_only_member_ids()
    {
        var id = await Dana();
        var group = (await host.CreateGroup("Ops", id)).Id;

        var read = await host.Get(ScimResourceType.Group, group, Only("members.value"));

        read.Body.ShouldBeJson($$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"{{group}}","members":[{"value":"{{id}}"}]}""");
    }

    [Fact]
    public void Selection_from_the_query_splits_commas_and_drops_blanks()
    {
        var selection = AttributeSelection.FromQuery(" userName , ,emails.value", "  ");

        selection.Attributes.Should().Equal("userName", "emails.value");
        selection.ExcludedAttributes.Should().BeNull();
    }
}
