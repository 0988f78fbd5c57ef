using System.Net;
using System.Text.Json.Nodes;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.EndToEnd.Tests.Conformance;

/// <summary>Groups as Okta and Entra push them, and read them back without members (V43, V44, V46).</summary>
public sealed class GroupPushTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    [Fact]
    public async Task V43_entra_creates_an_empty_group_with_an_extra_microsoft_schema()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v43");

        using var response = await session.Scim.PostJsonAsync("scim/v2/Groups", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group",
                        "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
             "externalId":"8f0a6d2e-1111-4c3e-9a7b-0e0e0e0e0e01",
             "displayName":"Engineering",
             "meta":{"resourceType":"Group"}}
            """);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var group = await response.ReadJsonObjectAsync();
        ((string?)group["id"]).Should().NotBeNullOrEmpty();
        ((string?)group["externalId"]).Should().Be("8f0a6d2e-1111-4c3e-9a7b-0e0e0e0e0e01");
        ((string?)group["displayName"]).Should().Be("Engineering");
        ((string?)group["meta"]!["resourceType"]).Should().Be("Group");
        group["members"].Should().BeOfType<JsonArray>().Which.Should().BeEmpty();
    }

    [Fact]
    public async Task V44_okta_pushes_a_group_and_gets_it_back_as_a_get_would_show_it()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v44");

        using var response = await session.Scim.PostJsonAsync("scim/v2/Groups",
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Engineering","members":[]}""");

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var group = await response.ReadJsonObjectAsync();
        ((string?)group["displayName"]).Should().Be("Engineering");
        group["members"].Should().BeOfType<JsonArray>().Which.Should().BeEmpty();
        ((string?)group["meta"]!["resourceType"]).Should().Be("Group");
        var read = await session.Scim.GetResourceAsync("scim/v2/Groups/" + (string)group["id"]!);
        ((string?)read["displayName"]).Should().Be("Engineering");
    }

    [Fact]
    public async Task V46_excluding_members_leaves_the_key_out_entirely()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v46");
        var alice = await session.Scim.CreateUserAsync("alice@example.com");
        using var created = await session.Scim.PostJsonAsync("scim/v2/Groups",
            $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"externalId":"eng-1","displayName":"Engineering","members":[{"value":"{{alice}}"}]}""");
        var id = (string)(await created.ReadJsonObjectAsync())["id"]!;

        using var response = await session.Scim.GetAsync($"scim/v2/Groups/{id}?excludedAttributes=members");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var group = await response.ReadJsonObjectAsync();
        group.ContainsKey("members").Should().BeFalse("an empty or null members key fails Entra's validator");
        ((string?)group["id"]).Should().Be(id);
        ((string?)group["externalId"]).Should().Be("eng-1");
        ((string?)group["displayName"]).Should().Be("Engineering");
        group["meta"].Should().NotBeNull();

        using var listed = await session.Scim.GetAsync("scim/v2/Groups?excludedAttributes=members&filter=displayName%20eq%20%22Engineering%22");
        var page = await listed.ShouldBeListResponseAsync();
        page.Resources().Should().ContainSingle().Which.ContainsKey("members").Should().BeFalse();
    }
}
