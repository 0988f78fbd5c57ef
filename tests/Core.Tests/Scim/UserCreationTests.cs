using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Service;
using static AutoRfpHex.Core.Tests.Scim.ScimTestHost;

namespace AutoRfpHex.Core.Tests.Scim;

public sealed class UserCreationTests
{
    private readonly ScimTestHost host = new();

    private Task<ScimResourceResponse> Create(string body) =>
        host.Service.CreateAsync(host.Context, ScimResourceType.User, Json(body), AttributeSelection.All, CancellationToken.None);

    [Fact]
    public async Task Okta_create_V09_returns_the_user_without_password_and_stores_no_password_or_groups()
    {
        var created = await Create("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"alice@example.com",
             "name":{"givenName":"Alice","familyName":"Archer"},
             "emails":[{"primary":true,"value":"alice@example.com","type":"work"}],
             "displayName":"Alice Archer","locale":"en-US","externalId":"00u1a2b3c4d5e6f7g8h9",
             "groups":[],"password":"placeholder-9x","active":true}
            """);

        created.Body.ShouldBeJson($$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"{{created.Id}}","externalId":"00u1a2b3c4d5e6f7g8h9",
             "userName":"alice@example.com","name":{"givenName":"Alice","familyName":"Archer"},
             "emails":[{"primary":true,"value":"alice@example.com","type":"work"}],
             "displayName":"Alice Archer","locale":"en-US","active":true,
             "meta":{"resourceType":"User","created":"2025-03-01T09:00:00.000Z","lastModified":"2025-03-01T09:00:00.000Z",
                     "location":"{{BaseUrl}}/Users/{{created.Id}}","version":"W/\"1\""} }
            """);
        created.ETag.Should().Be("W/\"1\"");
        created.Location.Should().Be($"{BaseUrl}/Users/{created.Id}");
        created.Id.Should().MatchRegex("^[0-9a-f]{32}$");
        var stored = await host.Stored(ScimResourceType.User, created.Id);
        stored.Attributes.ContainsKey("password").Should().BeFalse();
        stored.Attributes.ContainsKey("groups").Should().BeFalse();
        stored.Version.Should().Be(1);
        stored.Created.Should().Be(Start);
    }

    [Fact]
    public async Task Entra_create_V15_ignores_client_meta_and_keeps_values_as_sent()
    {
        var created = await Create("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "externalId":"bob","userName":"bob@example.com","active":true,
             "emails":[{"primary":true,"type":"work","value":"bob@example.com"}],
             "meta":{"resourceType":"User"},"name":{"formatted":"Bob Baker","familyName":"Baker","givenName":"Bob"},"roles":[]}
            """);

        (await host.Stored(ScimResourceType.User, created.Id)).Attributes.ShouldBeJson("""
            {"externalId":"bob","userName":"bob@example.com","active":true,
             "emails":[{"primary":true,"type":"work","value":"bob@example.com"}],
             "name":{"formatted":"Bob Baker","familyName":"Baker","givenName":"Bob"}}
            """);
        created.Body["meta"]!["created"]!.GetValue<string>().Should().Be("2025-03-01T09:00:00.000Z");
        created.Body["schemas"].ShouldBeJson("""["urn:ietf:params:scim:schemas:core:2.0:User"]""");
    }

    [Fact]
    public async Task Attribute_names_match_in_any_case_and_are_stored_canonical()
    {
        var created = await Create("""
            {"SCHEMAS":["URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER"],"USERNAME":"carol@example.com",
             "Name":{"GIVENNAME":"Carol"},"Emails":[{"VALUE":"c@example.com","Type":"work"}],
             "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER":{"EmployeeNumber":"7","MANAGER":{"Value":"boss"}}}
            """);

        (await host.Stored(ScimResourceType.User, created.Id)).Attributes.ShouldBeJson($$"""
            {"userName":"carol@example.com","name":{"givenName":"Carol"},"emails":[{"value":"c@example.com","type":"work"}],
             "{{EnterpriseUrn}}":{"employeeNumber":"7","manager":{"value":"boss"} } }
            """);
        created.Body["schemas"].ShouldBeJson($$"""["urn:ietf:params:scim:schemas:core:2.0:User","{{EnterpriseUrn}}"]""");
    }

    [Theory]
    [InlineData("\"boss-id\"")]
    [InlineData("{\"value\":\"boss-id\",\"displayName\":\"The Boss\"}")]
    [InlineData("[{\"value\":\"boss-id\"}]")]
    public async Task Enterprise_manager_in_every_IdP_form_is_stored_as_a_value_object(string manager)
    {
        var created = await Create($$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"dan@example.com",
             "{{EnterpriseUrn}}":{"manager":{{manager}},"department":"Research"} }
            """);

        (await host.Stored(ScimResourceType.User, created.Id)).Attributes[EnterpriseUrn]
            .ShouldBeJson("""{"manager":{"value":"boss-id"},"department":"Research"}""");
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("null")]
    [InlineData("{\"value\":\"\"}")]
    [InlineData("[]")]
    public async Task Empty_manager_forms_store_no_manager(string manager)
    {
        var created = await Create($$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"erin@example.com","{{EnterpriseUrn}}":{"manager":{{manager}} } }
            """);

        (await host.Stored(ScimResourceType.User, created.Id)).Attributes.ShouldBeJson("""{"userName":"erin@example.com"}""");
        created.Body.ContainsKey(EnterpriseUrn).Should().BeFalse();
    }

    [Fact]
    public async Task Extension_attributes_may_also_come_as_urn_qualified_keys()
    {
        var created = await Create($$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"fay@example.com","{{EnterpriseUrn}}:employeeNumber":"E-9"}
            """);

        (await host.Stored(ScimResourceType.User, created.Id)).Attributes[EnterpriseUrn].ShouldBeJson("""{"employeeNumber":"E-9"}""");
    }

    [Theory]
    [InlineData("\"True\"", true)]
    [InlineData("\"false\"", false)]
    [InlineData("\"FALSE\"", false)]
    [InlineData("true", true)]
    public async Task Booleans_sent_as_strings_are_stored_as_booleans(string active, bool expected)
    {
        var created = await Create($$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"gus@example.com","active":{{active}}}""");

        (await host.Stored(ScimResourceType.User, created.Id)).Attributes["active"]!.GetValue<bool>().Should().Be(expected);
        created.Body["active"]!.GetValueKind().Should().Be(expected ? System.Text.Json.JsonValueKind.True : System.Text.Json.JsonValueKind.False);
    }

    [Fact]
    public async Task Empty_strings_are_stored_as_sent_and_unknown_schema_objects_dropped()
    {
        var created = await Create("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:example:custom:2.0:User"],"userName":"hal@example.com",
             "name":{"givenName":"Hal","middleName":""},
             "urn:example:custom:2.0:User":{"costCode":"x"},"urn:example:custom:2.0:User:badge":"7"}
            """);

        (await host.Stored(ScimResourceType.User, created.Id)).Attributes
            .ShouldBeJson("""{"userName":"hal@example.com","name":{"givenName":"Hal","middleName":""}}""");
    }

    [Fact]
    public async Task A_single_object_where_an_array_is_expected_is_wrapped()
    {
        var created = await Create("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ida@example.com","emails":{"value":"i@example.com"}}""");

        (await host.Stored(ScimResourceType.User, created.Id)).Attributes["emails"].ShouldBeJson("""[{"value":"i@example.com"}]""");
    }

    [Fact]
    public async Task Duplicate_userName_in_any_case_is_409_uniqueness_BR25()
    {
        await host.CreateUser("bob@example.com");

        var refusal = await ((Func<Task>)(() => Create("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"BOB@example.com","active":true}""")))
            .ShouldBeRefused(409, ScimErrorTypes.Uniqueness);

        refusal.Detail.Should().Be("userName 'BOB@example.com' is already taken in this tenant.");
    }

    [Fact]
    public async Task The_same_userName_may_exist_in_another_tenant()
    {
        await host.CreateUser("bob@example.com");

        var elsewhere = await host.CreateUser("bob@example.com", tenant: AcmeSandbox);

        elsewhere.Body["userName"]!.GetValue<string>().Should().Be("bob@example.com");
    }

    [Theory]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"active":true}""", "Attribute 'userName' is required.")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"  "}""", "Attribute 'userName' is required.")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userame":"x"}""", "Attribute 'userName' is required. (unknown attribute(s) sent: 'userame')")]
    public async Task Missing_userName_is_400_invalidValue_V67(string body, string detail)
    {
        var refusal = await ((Func<Task>)(() => Create(body))).ShouldBeRefused(400, ScimErrorTypes.InvalidValue);

        refusal.Detail.Should().Be(detail);
    }

    [Theory]
    [InlineData("""{"userName":"x"}""", "\"schemas\"")]
    [InlineData("""{"schemas":"urn:ietf:params:scim:schemas:core:2.0:User","userName":"x"}""", "\"schemas\"")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"userName":"x"}""", "must include 'urn:ietf:params:scim:schemas:core:2.0:User'")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"x","nickname2":"y","shoeSize":4}""", "'nickname2', 'shoeSize'")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"x","emails":[{"value":"a","colour":"red"}]}""", "'colour' is not a sub-attribute of 'emails'")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"x","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"badge":"1"}}""", "enterprise:2.0:User:badge")]
    public async Task Structurally_wrong_bodies_are_400_invalidSyntax(string body, string detailPart)
    {
        var refusal = await ((Func<Task>)(() => Create(body))).ShouldBeRefused(400, ScimErrorTypes.InvalidSyntax);

        refusal.Detail.Should().Contain(detailPart);
    }

    [Theory]
    [InlineData("\"active\":\"nope\"", "Attribute 'active' is a boolean: send true or false, not \"nope\".")]
    [InlineData("\"active\":1", "Attribute 'active' is a boolean: send true or false, not a number.")]
    [InlineData("\"displayName\":42", "Attribute 'displayName' must be a string, not a number.")]
    [InlineData("\"name\":\"Ann\"", "Attribute 'name' is complex: send an object with its sub-attributes, not a string.")]
    [InlineData("\"emails\":\"a@example.com\"", "Attribute 'emails' is multi-valued: send an array of values, not a string.")]
    [InlineData("\"emails\":[\"a@example.com\"]", "Each value of 'emails' must be an object with sub-attributes such as \"value\".")]
    [InlineData("\"name\":{\"givenName\":{\"deep\":{\"deeper\":1}}}", "Attribute 'name.givenName' must be a string, not an object.")]
    [InlineData("\"emails\":[{\"value\":\"a\",\"primary\":true},{\"value\":\"b\",\"primary\":\"True\"}]", "Only one value of 'emails' may be \"primary\": true.")]
    [InlineData("\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"manager\":[\"a\",\"b\"]}", "takes a single value")]
    public async Task Values_of_the_wrong_type_are_400_invalidValue(string member, string detail)
    {
        var refusal = await ((Func<Task>)(() => Create($$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"x",{{member}}}""")))
            .ShouldBeRefused(400, ScimErrorTypes.InvalidValue);

        refusal.Detail.Should().Contain(detail);
        (await host.Store.QueryAsync(Acme, ScimResourceType.User, new ScimQuery(null, null, 1, 10, ResourceLoadOptions.DocumentOnly), CancellationToken.None))
            .TotalResults.Should().Be(0);
    }
}
