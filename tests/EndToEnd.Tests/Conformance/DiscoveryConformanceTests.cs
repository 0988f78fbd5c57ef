using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.EndToEnd.Tests.Conformance;

/// <summary>What Entra's validator and Microsoft's test suites read before provisioning (V05, V06, V07).</summary>
public sealed class DiscoveryConformanceTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    [Fact]
    public async Task V05_schemas_lists_user_enterprise_user_and_group_with_discoverable_attributes()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v05");

        using var response = await session.Scim.GetAsync("scim/v2/Schemas");

        var list = await response.ShouldBeListResponseAsync();
        var schemas = list.Resources().ToDictionary(s => (string)s["id"]!);
        schemas.Keys.Should().Contain([ScimHttp.UserSchema, ScimHttp.EnterpriseUserSchema, ScimHttp.GroupSchema]);
        var text = await response.Content.ReadAsStringAsync();
        text.Should().Contain("User Account", "MS-PM looks for the RFC description of the User schema");
        text.Should().Contain("\"readWrite\"", "attribute properties are camel-cased");
        NullValues(JsonNode.Parse(text)!).Should().BeEmpty("no null values are emitted");

        var user = Attributes(schemas[ScimHttp.UserSchema]);
        SubAttributes(user, "emails").Should().Contain(["value", "type", "primary"]);
        SubAttributes(user, "name").Should().Contain(["givenName", "familyName"]);
        user.Keys.Should().Contain(["userName", "active", "externalId", "displayName"]);
        Attributes(schemas[ScimHttp.EnterpriseUserSchema]).Keys.Should().Contain(["employeeNumber", "manager"]);
        Attributes(schemas[ScimHttp.GroupSchema]).Keys.Should().Contain(["displayName", "members"]);
    }

    [Fact]
    public async Task V06_service_provider_config_describes_the_supported_features()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v06");

        using var response = await session.Scim.GetAsync("scim/v2/ServiceProviderConfig");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/scim+json");
        var config = await response.ReadJsonObjectAsync();
        config["schemas"]!.AsArray().Select(s => (string?)s).Should().Contain("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        config["patch"]!["supported"]!.GetValueKind().Should().Be(JsonValueKind.True);
        foreach (var feature in new[] { "filter", "bulk", "sort", "etag", "changePassword" })
        {
            config[feature]!["supported"].Should().NotBeNull(feature + ".supported is declared");
        }

        config["filter"]!["maxResults"]!.GetValueKind().Should().Be(JsonValueKind.Number);
        config["authenticationSchemes"]!.AsArray().Select(s => (string?)s!["type"]).Should().Contain(["oauthbearertoken", "httpbasic"]);
        config["meta"].Should().NotBeNull();
    }

    [Fact]
    public async Task V07_resource_types_list_user_first_then_group()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v07");

        using var response = await session.Scim.GetAsync("scim/v2/ResourceTypes");

        var list = await response.ShouldBeListResponseAsync();
        list.TotalResults().Should().Be(2);
        var types = list.Resources();
        ((string?)types[0]["endpoint"]).Should().Be("/Users");
        ((string?)types[0]["schema"]).Should().Be(ScimHttp.UserSchema);
        types[0]["schemaExtensions"]!.AsArray().Select(e => (string?)e!["schema"]).Should().Contain(ScimHttp.EnterpriseUserSchema);
        ((string?)types[1]["endpoint"]).Should().Be("/Groups");

        var user = await session.Scim.GetResourceAsync("scim/v2/ResourceTypes/User");
        ((string?)user["name"]).Should().Be("User");
        var enterprise = await session.Scim.GetResourceAsync("scim/v2/Schemas/" + ScimHttp.EnterpriseUserSchema);
        ((string?)enterprise["id"]).Should().Be(ScimHttp.EnterpriseUserSchema);
    }

    private static Dictionary<string, JsonObject> Attributes(JsonObject schema) =>
        schema["attributes"]!.AsArray().Select(a => a!.AsObject())
            .ToDictionary(a => (string)a["name"]!, StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<string> SubAttributes(Dictionary<string, JsonObject> attributes, string name) =>
        attributes[name]["subAttributes"]!.AsArray().Select(a => (string)a!["name"]!);

    private static IEnumerable<string> NullValues(JsonNode node, string path = "$") => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is null ? [$"{path}.{p.Key}"] : NullValues(p.Value, $"{path}.{p.Key}")),
        JsonArray a => a.SelectMany((item, i) => item is null ? [$"{path}[{i}]"] : NullValues(item, $"{path}[{i}]")),
        _ => [],
    };
}
