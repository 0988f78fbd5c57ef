using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Discovery;
using AutoRfpHex.Core.Scim.Service;
using static AutoRfpHex.Core.Tests.Scim.ScimTestHost;

namespace AutoRfpHex.Core.Tests.Scim;

public sealed class DiscoveryDocumentTests
{
    [Fact]
    public void ServiceProviderConfig_V06_advertises_what_the_service_does()
    {
        var config = ScimDiscoveryDocuments.ServiceProviderConfig(BaseUrl + "/", new ScimServiceLimits { MaxResults = 500, DefaultPageSize = 50, BulkMaxOperations = 20, BulkMaxPayloadBytes = 65536 });

        config.ShouldBeJson($$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
             "patch":{"supported":true},"bulk":{"supported":true,"maxOperations":20,"maxPayloadSize":65536},
             "filter":{"supported":true,"maxResults":500},"changePassword":{"supported":false},
             "sort":{"supported":true},"etag":{"supported":true},
             "pagination":{"cursor":true,"index":true,"defaultPaginationMethod":"index","defaultPageSize":50,"maxPageSize":500},
             "authenticationSchemes":[
               {"type":"oauthbearertoken","name":"OAuth Bearer Token",
                "description":"An access token from the OAuth 2.0 client credentials grant, or the client's secret key itself, as a bearer token.",
                "specUri":"https://www.rfc-editor.org/info/rfc6750","primary":true},
               {"type":"httpbasic","name":"HTTP Basic","description":"The OAuth client id as user name and its secret key as password.",
                "specUri":"https://www.rfc-editor.org/info/rfc7617"}],
             "meta":{"resourceType":"ServiceProviderConfig","location":"{{BaseUrl}}/ServiceProviderConfig"} }
            """);
    }

    [Fact]
    public void ResourceTypes_V07_list_User_first_with_the_enterprise_extension_then_Group()
    {
        var types = ScimDiscoveryDocuments.ResourceTypes(BaseUrl);

        types["totalResults"]!.GetValue<int>().Should().Be(2);
        types["Resources"]![0].ShouldBeJson($$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],"id":"User","name":"User","endpoint":"/Users",
             "description":"User Account","schema":"urn:ietf:params:scim:schemas:core:2.0:User",
             "schemaExtensions":[{"schema":"{{EnterpriseUrn}}","required":false}],
             "meta":{"resourceType":"ResourceType","location":"{{BaseUrl}}/ResourceTypes/User"} }
            """);
        types["Resources"]![1]!["endpoint"]!.GetValue<string>().Should().Be("/Groups");
        types["Resources"]![1]!.AsObject().ContainsKey("schemaExtensions").Should().BeFalse();
    }

    [Fact]
    public void A_single_resource_type_is_found_in_any_case()
    {
        ScimDiscoveryDocuments.ResourceType(BaseUrl, "group")!["id"]!.GetValue<string>().Should().Be("Group");
        ScimDiscoveryDocuments.ResourceType(BaseUrl, "Widget").Should().BeNull();
        ScimDiscoveryDocuments.ResourceType(BaseUrl, "0").Should().BeNull();
    }

    [Fact]
    public void Schemas_V05_serve_the_three_schemas_camel_cased_and_without_nulls()
    {
        var schemas = ScimDiscoveryDocuments.Schemas(BaseUrl);

        schemas["Resources"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).Should().Equal(
            "urn:ietf:params:scim:schemas:core:2.0:User", EnterpriseUrn, "urn:ietf:params:scim:schemas:core:2.0:Group");
        schemas.ToJsonString().Should().Contain("User Account").And.Contain("\"readWrite\"").And.Contain("\"complex\"");
        Nodes(schemas).Should().NotContainNulls();
        schemas["Resources"]![0]!["meta"].ShouldBeJson("""
            {"resourceType":"Schema","location":"http://127.0.0.1:5080/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User"}
            """);
    }

    [Fact]
    public void Every_attribute_Entra_maps_is_discoverable()
    {
        var user = ScimDiscoveryDocuments.Schema(BaseUrl, "URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER")!;
        var enterprise = ScimDiscoveryDocuments.Schema(BaseUrl, EnterpriseUrn)!;
        var group = ScimDiscoveryDocuments.Schema(BaseUrl, "urn:ietf:params:scim:schemas:core:2.0:Group")!;

        Names(user).Should().Contain(["userName", "externalId", "active", "displayName", "title", "preferredLanguage", "emails", "phoneNumbers", "addresses", "name"]);
        Names(Attribute(user, "name")).Should().Contain(["givenName", "familyName", "formatted"]);
        Attribute(Attribute(user, "emails"), "type")["canonicalValues"].ShouldBeJson("""["work","home","other"]""");
        Names(Attribute(user, "addresses")).Should().Contain(["formatted", "streetAddress", "locality", "region", "postalCode", "country"]);
        Names(enterprise).Should().Contain(["employeeNumber", "department", "manager"]);
        Names(group).Should().Contain(["displayName", "externalId", "members"]);
        ScimDiscoveryDocuments.Schema(BaseUrl, "urn:example:nope").Should().BeNull();
    }

    [Fact]
    public void Attribute_properties_follow_RFC_7643_section_7()
    {
        var user = ScimDiscoveryDocuments.Schema(BaseUrl, "urn:ietf:params:scim:schemas:core:2.0:User")!;

        Attribute(user, "userName").ShouldBeJson("""
            {"name":"userName","type":"string","multiValued":false,
             "description":"Unique identifier for the User, typically used by the user to directly authenticate to the service provider.",
             "required":true,"caseExact":false,"mutability":"readWrite","returned":"default","uniqueness":"server"}
            """);
        Attribute(user, "password")["mutability"]!.GetValue<string>().Should().Be("writeOnly");
        Attribute(user, "password")["returned"]!.GetValue<string>().Should().Be("never");
        Attribute(user, "groups")["mutability"]!.GetValue<string>().Should().Be("readOnly");
        Attribute(user, "profileUrl")["referenceTypes"].ShouldBeJson("""["external"]""");
    }

    private static JsonObject Attribute(JsonNode parent, string name) =>
        (parent["attributes"] ?? parent["subAttributes"])!.AsArray().Single(a => a!["name"]!.GetValue<string>() == name)!.AsObject();

    private static IEnumerable<string> Names(JsonNode parent) =>
        (parent["attributes"] ?? parent["subAttributes"])!.AsArray().Select(a => a!["name"]!.GetValue<string>());

    private static IEnumerable<JsonNode?> Nodes(JsonNode? node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).SelectMany(v => new[] { v }.Concat(Nodes(v))),
        JsonArray a => a.SelectMany(v => new[] { v }.Concat(Nodes(v))),
        _ => [],
    };
}
