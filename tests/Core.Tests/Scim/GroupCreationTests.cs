using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Service;
using static AutoRfpHex.Core.Tests.Scim.ScimTestHost;

namespace AutoRfpHex.Core.Tests.Scim;

public sealed class GroupCreationTests
{
    private readonly ScimTestHost host = new();

    private Task<ScimResourceResponse> Create(string body, AttributeSelection? selection = null) =>
        host.Service.CreateAsync(host.Context, ScimResourceType.Group, Json(body), selection ?? AttributeSelection.All, CancellationToken.None);

    [Fact]
    public async Task Entra_create_V43_tolerates_the_Microsoft_schema_uri_and_answers_empty_members()
    {
        var created = await Create("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
             "externalId":"8f0a6d2e-1111-4c3e-9a7b-0e0e0e0e0e01","displayName":"Engineering","meta":{"resourceType":"Group"}}
            """);

        created.Body.ShouldBeJson($$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"{{created.Id}}","externalId":"8f0a6d2e-1111-4c3e-9a7b-0e0e0e0e0e01",
             "displayName":"Engineering","members":[],
             "meta":{"resourceType":"Group","created":"2025-03-01T09:00:00.000Z","lastModified":"2025-03-01T09:00:00.000Z",
                     "location":"{{BaseUrl}}/Groups/{{created.Id}}","version":"W/\"1\""} }
            """);
    }

    [Fact]
    public async Task Okta_group_push_V44_creates_an_empty_group()
    {
        var created = await Create("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Engineering","members":[]}""");

        created.Body["members"].ShouldBeJson("[]");
        created.Body["meta"]!["resourceType"]!.GetValue<string>().Should().Be("Group");
        (await host.MemberIds(created.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task Members_on_create_become_membership_records_never_document_attributes()
    {
        var alice = await host.CreateUser("alice@example.com", "\"displayName\":\"Alice\"");
        var ops = await Create("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Ops"}""");

        var created = await Create($$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Engineering",
             "members":[{"value":"{{alice.Id}}","display":"whatever"},{"value":"{{ops.Id}}","type":"Group"},{"value":"{{alice.Id}}"}]}
            """);

        var stored = await host.Stored(ScimResourceType.Group, created.Id);
        stored.Attributes.ShouldBeJson("""{"displayName":"Engineering"}""");
        stored.Members.Select(m => m.Value).Should().BeEquivalentTo([alice.Id, ops.Id]);
        var expected = new[]
        {
            $$"""{"value":"{{alice.Id}}","display":"Alice","type":"User","$ref":"{{BaseUrl}}/Users/{{alice.Id}}"}""",
            $$"""{"value":"{{ops.Id}}","display":"Ops","type":"Group","$ref":"{{BaseUrl}}/Groups/{{ops.Id}}"}""",
        };
        created.Body["members"]!.AsArray().OrderBy(m => m!["value"]!.GetValue<string>(), StringComparer.Ordinal)
            .Select(m => m!.ToJsonString())
            .Should().Equal(expected.OrderBy(e => e.Contains(alice.Id, StringComparison.Ordinal) ? alice.Id : ops.Id, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Unknown_member_ids_are_400_invalidValue_naming_them_and_nothing_is_created()
    {
        var refusal = await ((Func<Task>)(() => Create("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Ghosts","members":[{"value":"nobody-1"},{"value":"nobody-2"}]}
            """))).ShouldBeRefused(400, ScimErrorTypes.InvalidValue);

        refusal.Detail.Should().Be("These member ids name no User or Group in this tenant: 'nobody-1', 'nobody-2'.");
        (await host.Store.QueryAsync(Acme, ScimResourceType.Group, new ScimQuery(null, null, 1, 10, ResourceLoadOptions.DocumentOnly), CancellationToken.None))
            .TotalResults.Should().Be(0);
    }

    [Fact]
    public async Task A_user_of_another_tenant_cannot_become_a_member()
    {
        var stranger = await host.CreateUser("eve@globex.example", tenant: Globex);

        var refusal = await ((Func<Task>)(() => host.CreateGroup("Engineering", stranger.Id))).ShouldBeRefused(400, ScimErrorTypes.InvalidValue);

        refusal.Detail.Should().Contain(stranger.Id);
    }

    [Theory]
    [InlineData("""[{"display":"Nobody"}]""")]
    [InlineData("""[{"value":""}]""")]
    [InlineData("""["just-an-id"]""")]
    public async Task Members_without_an_id_are_400_invalidValue(string members)
    {
        await ((Func<Task>)(() => Create($$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"G","members":{{members}} }""")))
            .ShouldBeRefused(400, ScimErrorTypes.InvalidValue);
    }

    [Fact]
    public async Task Duplicate_displayName_in_any_case_is_409_uniqueness()
    {
        await host.CreateGroup("Engineering");

        var refusal = await ((Func<Task>)(() => host.CreateGroup("ENGINEERING"))).ShouldBeRefused(409, ScimErrorTypes.Uniqueness);

        refusal.Detail.Should().Be("displayName 'ENGINEERING' is already taken in this tenant.");
    }

    [Fact]
    public async Task Missing_displayName_is_400_invalidValue()
    {
        var refusal = await ((Func<Task>)(() => Create("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"members":[]}""")))
            .ShouldBeRefused(400, ScimErrorTypes.InvalidValue);

        refusal.Detail.Should().Be("Attribute 'displayName' is required.");
    }

    [Fact]
    public async Task A_user_attribute_on_a_group_is_400_invalidSyntax()
    {
        var refusal = await ((Func<Task>)(() => Create("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"G","userName":"x"}""")))
            .ShouldBeRefused(400, ScimErrorTypes.InvalidSyntax);

        refusal.Detail.Should().Contain("'userName'");
    }

    [Fact]
    public async Task Excluding_members_on_create_answers_without_a_members_key()
    {
        var alice = await host.CreateUser("alice@example.com");

        var created = await Create(
            $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"G","members":[{"value":"{{alice.Id}}"}]}""",
            AttributeSelection.FromQuery(null, "members"));

        created.Body.ContainsKey("members").Should().BeFalse();
        (await host.MemberIds(created.Id)).Should().Equal(alice.Id);
    }
}
