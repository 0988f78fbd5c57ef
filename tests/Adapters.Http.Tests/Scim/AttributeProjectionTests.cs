using System.Net;
using System.Text.Json.Nodes;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.Adapters.Http.Tests.Scim;

/// <summary>
/// RFC 7644 §3.9 <c>attributes</c>/<c>excludedAttributes</c> on every read and on the responses of every write, through HTTP:
/// <c>id</c> and <c>schemas</c> always come back, <c>password</c> never does, and an excluded attribute has no key at all.
/// </summary>
public sealed class AttributeProjectionTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private const string Enterprise = ScimHttp.EnterpriseUserSchema;

    private static readonly string UserBody = new JsonObject
    {
        ["schemas"] = new JsonArray(ScimHttp.UserSchema, Enterprise),
        ["userName"] = "alice@example.com",
        ["password"] = "placeholder-9x",
        ["displayName"] = "Alice Archer",
        ["name"] = new JsonObject { ["givenName"] = "Alice", ["familyName"] = "Archer" },
        ["emails"] = new JsonArray(new JsonObject { ["value"] = "alice@example.com", ["type"] = "work", ["primary"] = true }),
        [Enterprise] = new JsonObject { ["employeeNumber"] = "701", ["department"] = "Bids" },
    }.ToJsonString();

    [Fact]
    public async Task Create_with_attributes_answers_only_those_plus_id_and_schemas()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "proj-post");

        using var response = await session.Scim.PostJsonAsync($"scim/v2/Users?attributes=userName,name.familyName,{Enterprise}:employeeNumber", UserBody);

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.DescribeAsync());
        var user = await response.ReadJsonObjectAsync();
        Keys(user).Should().BeEquivalentTo("schemas", "id", "userName", "name", Enterprise);
        Keys(user["name"]!.AsObject()).Should().Equal("familyName");
        Keys(user[Enterprise]!.AsObject()).Should().Equal("employeeNumber");
    }

    [Fact]
    public async Task Get_by_id_and_list_apply_the_same_selection()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "proj-get");
        var id = await CreatedIdAsync(session);
        const string query = "attributes=displayName,emails.value";

        var single = await session.Scim.GetResourceAsync($"scim/v2/Users/{id}?{query}");
        using var listed = await session.Scim.GetAsync($"scim/v2/Users?{query}&filter=id%20eq%20%22{id}%22");

        Keys(single).Should().BeEquivalentTo("schemas", "id", "displayName", "emails");
        Keys(single["emails"]![0]!.AsObject()).Should().Equal("value");
        var page = await listed.ShouldBeListResponseAsync();
        JsonNode.DeepEquals(page.Resources().Single(), single).Should().BeTrue("a list shows each resource as GET by id does");
    }

    [Fact]
    public async Task ExcludedAttributes_removes_keys_but_never_id()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "proj-excl");
        var id = await CreatedIdAsync(session);

        var user = await session.Scim.GetResourceAsync($"scim/v2/Users/{id}?excludedAttributes=id,name,meta,{Enterprise},emails");

        Keys(user).Should().BeEquivalentTo("schemas", "id", "userName", "displayName");
    }

    [Fact]
    public async Task Password_is_never_returned_even_when_asked_for()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "proj-pwd");
        var id = await CreatedIdAsync(session);

        var user = await session.Scim.GetResourceAsync($"scim/v2/Users/{id}?attributes=password,userName");
        var full = await session.Scim.GetResourceAsync($"scim/v2/Users/{id}");

        Keys(user).Should().BeEquivalentTo("schemas", "id", "userName");
        full.ContainsKey("password").Should().BeFalse();
    }

    [Fact]
    public async Task Replace_and_patch_responses_follow_the_selection()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "proj-write");
        var id = await CreatedIdAsync(session);

        using var put = await session.Scim.PutJsonAsync($"scim/v2/Users/{id}?attributes=displayName", UserBody.Replace("Alice Archer", "Alice A."));
        using var patch = await session.Scim.PatchJsonAsync(
            $"scim/v2/Users/{id}?excludedAttributes=emails,name,{Enterprise}",
            ScimHttp.PatchBody("""{"op":"replace","path":"displayName","value":"Alice B."}"""));

        put.StatusCode.Should().Be(HttpStatusCode.OK, await put.DescribeAsync());
        var replaced = await put.ReadJsonObjectAsync();
        Keys(replaced).Should().BeEquivalentTo("schemas", "id", "displayName");
        ((string)replaced["displayName"]!).Should().Be("Alice A.");
        patch.StatusCode.Should().Be(HttpStatusCode.OK, await patch.DescribeAsync());
        Keys(await patch.ReadJsonObjectAsync()).Should().BeEquivalentTo("schemas", "id", "userName", "displayName", "meta");
    }

    [Fact]
    public async Task A_group_write_or_read_without_members_has_no_members_key()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "proj-grp");
        var alice = await CreatedIdAsync(session);
        var group = await session.Scim.CreateGroupAsync("Engineering", alice);

        using var patch = await session.Scim.PatchJsonAsync(
            $"scim/v2/Groups/{group}?excludedAttributes=members",
            ScimHttp.PatchBody("""{"op":"replace","path":"displayName","value":"Eng"}"""));
        var read = await session.Scim.GetResourceAsync($"scim/v2/Groups/{group}?excludedAttributes=members");
        var withMembers = await session.Scim.GetResourceAsync($"scim/v2/Groups/{group}?attributes=members");

        patch.StatusCode.Should().Be(HttpStatusCode.OK, await patch.DescribeAsync());
        (await patch.ReadJsonObjectAsync()).ContainsKey("members").Should().BeFalse();
        read.ContainsKey("members").Should().BeFalse();
        ((string)read["displayName"]!).Should().Be("Eng");
        ((string)withMembers["members"]![0]!["value"]!).Should().Be(alice);
    }

    [Fact]
    public async Task The_groups_of_a_user_are_read_only_and_shown_when_asked()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "proj-ugrp");
        var alice = await CreatedIdAsync(session);
        var group = await session.Scim.CreateGroupAsync("Engineering", alice);

        var user = await session.Scim.GetResourceAsync($"scim/v2/Users/{alice}?attributes=groups");

        Keys(user).Should().BeEquivalentTo("schemas", "id", "groups");
        ((string)user["groups"]![0]!["value"]!).Should().Be(group);
        ((string)user["groups"]![0]!["display"]!).Should().Be("Engineering");
    }

    private static async Task<string> CreatedIdAsync(ScimSession session)
    {
        using var response = await session.Scim.PostJsonAsync("scim/v2/Users", UserBody);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.DescribeAsync());
        return (string)(await response.ReadJsonObjectAsync())["id"]!;
    }

    private static IEnumerable<string> Keys(JsonObject json) => json.Select(p => p.Key);
}
