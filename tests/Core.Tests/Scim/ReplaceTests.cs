using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Service;
using static AutoRfpHex.Core.Tests.Scim.ScimTestHost;

namespace AutoRfpHex.Core.Tests.Scim;

public sealed class ReplaceTests
{
    private readonly ScimTestHost host = new();

    private Task<ScimResourceResponse> Put(ScimResourceType type, string id, string body, string? ifMatch = null) =>
        host.Service.ReplaceAsync(host.Context, type, id, Json(body), ifMatch, AttributeSelection.All, CancellationToken.None);

    private async Task<string> Alice() => (await host.CreateUser("alice@example.com", $$"""
        "name":{"givenName":"Alice","familyName":"Archer"},"title":"Engineer","active":true,
        "emails":[{"primary":true,"value":"alice@example.com","type":"work"}],"{{EnterpriseUrn}}":{"department":"R&D"}
        """)).Id;

    [Fact]
    public async Task Okta_V22_put_replaces_everything_ignores_read_only_data_and_keeps_id_and_created()
    {
        var id = await Alice();
        host.Clock.Advance(TimeSpan.FromHours(1));

        var replaced = await Put(ScimResourceType.User, id, $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"{{id}}","userName":"alice@example.com",
             "name":{"givenName":"Alicia","middleName":"May","familyName":"Archer"},
             "emails":[{"primary":true,"value":"alice@example.com","type":"work","display":"alice@example.com"}],
             "active":true,"groups":[],"meta":{"resourceType":"User"} }
            """);

        var stored = await host.Stored(ScimResourceType.User, id);
        stored.Attributes.ShouldBeJson("""
            {"userName":"alice@example.com","name":{"givenName":"Alicia","middleName":"May","familyName":"Archer"},
             "emails":[{"primary":true,"value":"alice@example.com","type":"work","display":"alice@example.com"}],"active":true}
            """);
        stored.Version.Should().Be(2);
        stored.Created.Should().Be(Start);
        stored.LastModified.Should().Be(Start.AddHours(1));
        replaced.Id.Should().Be(id);
        replaced.ETag.Should().Be("W/\"2\"");
        replaced.Body["schemas"].ShouldBeJson("""["urn:ietf:params:scim:schemas:core:2.0:User"]""");
        replaced.Body["meta"]!["created"]!.GetValue<string>().Should().Be("2025-03-01T09:00:00.000Z");
    }

    [Fact]
    public async Task What_a_GET_returned_can_be_PUT_back_unchanged_including_empty_strings()
    {
        var id = (await host.CreateUser("okta@example.com", "\"name\":{\"givenName\":\"O\",\"middleName\":\"\"}")).Id;
        var read = await host.Get(ScimResourceType.User, id);

        var replaced = await Put(ScimResourceType.User, id, read.Body.ToJsonString());

        replaced.Body.ShouldBeJson(read.Body.ToJsonString());
        (await host.Stored(ScimResourceType.User, id)).Attributes["name"].ShouldBeJson("""{"givenName":"O","middleName":""}""");
    }

    [Fact]
    public async Task Okta_AIW_deactivation_by_put_keeps_the_user()
    {
        var id = await Alice();

        await Put(ScimResourceType.User, id, """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"alice@example.com","active":"False"}""");

        (await host.Stored(ScimResourceType.User, id)).Attributes.ShouldBeJson("""{"userName":"alice@example.com","active":false}""");
    }

    [Fact]
    public async Task Put_keeps_the_AutoRFP_role_and_integration_flag_of_the_account()
    {
        var admin = new ScimResourceRecord("admin-1", ScimResourceType.User, 1, Start, Start, Json("""{"userName":"admin@example.com"}"""))
        {
            Role = AccountRole.Admin,
            IsIntegrationUser = true,
        };
        await host.Store.CreateAsync(Acme, admin, [], CancellationToken.None);

        await Put(ScimResourceType.User, "admin-1", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"admin@example.com","title":"IT"}""");

        var stored = await host.Stored(ScimResourceType.User, "admin-1");
        stored.Role.Should().Be(AccountRole.Admin);
        stored.IsIntegrationUser.Should().BeTrue();
        stored.Attributes["title"]!.GetValue<string>().Should().Be("IT");
    }

    [Fact]
    public async Task Put_without_userName_is_400_invalidValue_V67()
    {
        var id = await Alice();

        await ((Func<Task>)(() => Put(ScimResourceType.User, id, """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userame":"x"}""")))
            .ShouldBeRefused(400, ScimErrorTypes.InvalidValue);
    }

    [Fact]
    public async Task Put_to_a_taken_userName_is_409_uniqueness()
    {
        var id = await Alice();
        await host.CreateUser("bob@example.com");

        await ((Func<Task>)(() => Put(ScimResourceType.User, id, """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"BOB@example.com"}""")))
            .ShouldBeRefused(409, ScimErrorTypes.Uniqueness);
    }

    [Theory]
    [InlineData("W/\"1\"")]
    [InlineData("\"1\"")]
    [InlineData("*")]
    [InlineData("W/\"5\", W/\"1\"")]
    public async Task If_match_naming_the_current_version_weak_or_strong_lets_the_put_through(string ifMatch)
    {
        var id = await Alice();

        var replaced = await Put(ScimResourceType.User, id, """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"alice@example.com"}""", ifMatch);

        replaced.ETag.Should().Be("W/\"2\"");
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_changes_nothing()
    {
        var id = await Alice();
        await host.Patch(ScimResourceType.User, id, """[{"op":"replace","path":"title","value":"Lead"}]""");

        var refusal = await ((Func<Task>)(() => Put(ScimResourceType.User, id, """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"x@example.com"}""", "W/\"1\"")))
            .ShouldBeRefused(412, null);

        refusal.Detail.Should().Contain("W/\"2\"").And.Contain("W/\"1\"");
        (await host.Stored(ScimResourceType.User, id)).Attributes["userName"]!.GetValue<string>().Should().Be("alice@example.com");
    }

    [Fact]
    public async Task A_stale_if_match_on_patch_is_412()
    {
        var id = await Alice();
        await host.Patch(ScimResourceType.User, id, """[{"op":"replace","path":"title","value":"Lead"}]""");

        await ((Func<Task>)(() => host.Patch(ScimResourceType.User, id, """[{"op":"replace","path":"title","value":"CTO"}]""", "W/\"1\"")))
            .ShouldBeRefused(412, null);
        (await host.Patch(ScimResourceType.User, id, """[{"op":"replace","path":"title","value":"CTO"}]""", "W/\"2\"")).ETag.Should().Be("W/\"3\"");
    }

    [Fact]
    public async Task Group_put_replaces_the_member_set()
    {
        var alice = await Alice();
        var bob = (await host.CreateUser("bob@example.com")).Id;
        var group = (await host.CreateGroup("Engineering", alice)).Id;

        var replaced = await Put(ScimResourceType.Group, group, $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Eng","members":[{"value":"{{bob}}"}]}
            """);

        (await host.MemberIds(group)).Should().Equal(bob);
        replaced.Body["members"]!.AsArray().Select(m => m!["value"]!.GetValue<string>()).Should().Equal(bob);
        (await host.Stored(ScimResourceType.Group, group)).Attributes.ShouldBeJson("""{"displayName":"Eng"}""");
    }

    [Fact]
    public async Task Group_put_without_members_empties_the_group_as_RFC_7644_says()
    {
        var group = (await host.CreateGroup("Engineering", await Alice())).Id;

        await Put(ScimResourceType.Group, group, """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Engineering"}""");

        (await host.MemberIds(group)).Should().BeEmpty();
    }

    [Fact]
    public async Task Group_put_with_an_unknown_member_is_400_and_changes_nothing()
    {
        var alice = await Alice();
        var group = (await host.CreateGroup("Engineering", alice)).Id;

        await ((Func<Task>)(() => Put(ScimResourceType.Group, group, """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Renamed","members":[{"value":"ghost"}]}
            """))).ShouldBeRefused(400, ScimErrorTypes.InvalidValue);

        (await host.MemberIds(group)).Should().Equal(alice);
        (await host.Stored(ScimResourceType.Group, group)).Attributes["displayName"]!.GetValue<string>().Should().Be("Engineering");
    }

    [Fact]
    public async Task An_unchanged_user_put_does_not_bump_the_version()
    {
        var id = (await host.CreateUser("same@example.com", "\"title\":\"T\"")).Id;

        var replaced = await Put(ScimResourceType.User, id, """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"same@example.com","title":"T"}""");

        replaced.ETag.Should().Be("W/\"1\"");
        replaced.Body["title"].ShouldBeJson("\"T\"");
    }
}
