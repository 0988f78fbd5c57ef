using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Service;
using static AutoRfpHex.Core.Tests.Scim.ScimTestHost;

namespace AutoRfpHex.Core.Tests.Scim;

/// <summary>Every PATCH refusal with its scimType, and that a refused PATCH stores nothing.</summary>
public sealed class PatchRefusalTests
{
    private readonly ScimTestHost host = new();

    private async Task<string> Bob() => (await host.CreateUser("bob@example.com", """
        "name":{"givenName":"Bob"},"emails":[{"value":"a@example.com","type":"work"},{"value":"b@example.com","type":"work"}]
        """)).Id;

    private async Task<ScimException> Refused(string id, string body, int status, string? scimType)
    {
        var before = await host.Stored(ScimResourceType.User, id);
        var refusal = await ((Func<Task>)(() => host.Service.PatchAsync(
            host.Context, ScimResourceType.User, id, Json(body), null, AttributeSelection.All, CancellationToken.None))).ShouldBeRefused(status, scimType);
        var after = await host.Stored(ScimResourceType.User, id);
        after.Version.Should().Be(before.Version);
        after.Attributes.ShouldBeJson(before.Attributes.ToJsonString());
        return refusal;
    }

    [Theory]
    [InlineData("""{"Operations":[{"op":"add","path":"title","value":"x"}]}""", "must list 'urn:ietf:params:scim:api:messages:2.0:PatchOp'")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"Operations":[{"op":"add","path":"title","value":"x"}]}""", "must list")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}""", "non-empty array")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[]}""", "non-empty array")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":{"op":"add"}}""", "non-empty array")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":["add"]}""", "must be an object")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"frobnicate","path":"title","value":"x"}]}""", "not 'frobnicate'")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"path":"title","value":"x"}]}""", "and it is missing")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":1,"path":"title","value":"x"}]}""", "as a string")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":7,"value":"x"}]}""", "\"path\" must be a string")]
    public async Task Malformed_patch_requests_are_400_invalidSyntax(string body, string detailPart)
    {
        var id = await Bob();

        (await Refused(id, body, 400, ScimErrorTypes.InvalidSyntax)).Detail.Should().Contain(detailPart);
    }

    [Theory]
    [InlineData("""{"op":"add","path":"title"}""", "PATCH operation 1: 'add' needs a \"value\".")]
    [InlineData("""{"op":"replace","value":"x"}""", "\"value\" must be an object")]
    [InlineData("""{"op":"replace","path":"active","value":"nope"}""", "Attribute 'active' is a boolean")]
    [InlineData("""{"op":"replace","path":"userName","value":null}""", "Attribute 'userName' is required.")]
    [InlineData("""{"op":"replace","path":"userName","value":""}""", "Attribute 'userName' is required.")]
    [InlineData("""{"op":"replace","path":"emails","value":[{"value":"x","primary":true},{"value":"y","primary":true}]}""", "Only one value of 'emails'")]
    [InlineData("""{"op":"replace","path":"emails[type eq \"work\"].primary","value":true}""", "Only one value of 'emails[type eq \"work\"].primary'")]
    [InlineData("""{"op":"add","path":"name","value":"Bob"}""", "Attribute 'name' is complex")]
    public async Task Values_that_do_not_fit_are_400_invalidValue(string operation, string detailPart)
    {
        var id = await Bob();

        (await Refused(id, PatchBody($"[{operation}]").ToJsonString(), 400, ScimErrorTypes.InvalidValue)).Detail.Should().Contain(detailPart);
    }

    [Theory]
    [InlineData("shoeSize", "'shoeSize' is not an attribute of User resources")]
    [InlineData("name.nickname", "'nickname' is not a sub-attribute of 'name'")]
    [InlineData("name.givenName.first", "is not a valid attribute path")]
    [InlineData("emails[type eq \\\"work\\\"", "never closes it")]
    [InlineData("displayName[value eq \\\"x\\\"]", "'displayName' is not a multi-valued complex attribute")]
    [InlineData("emails[type eq \\\"work\\\"]x", "unexpected text after the value filter")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:Group:displayName", "is not an attribute path of User resources")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:badge", "'badge' is not an attribute of User resources")]
    public async Task Unknown_or_malformed_paths_are_400_invalidPath(string path, string detailPart)
    {
        var id = await Bob();

        (await Refused(id, PatchBody($$"""[{"op":"replace","path":"{{path}}","value":"x"}]""").ToJsonString(), 400, ScimErrorTypes.InvalidPath))
            .Detail.Should().Contain(detailPart);
    }

    [Fact]
    public async Task Unknown_keys_of_a_path_less_value_are_400_invalidPath()
    {
        var id = await Bob();

        var refusal = await Refused(id, PatchBody("""[{"op":"replace","value":{"title":"CTO","name.givenName ":"x","shoe":"9"}}]""").ToJsonString(), 400, ScimErrorTypes.InvalidPath);

        refusal.Detail.Should().Be("PATCH operation 1 (replace with no path): 'shoe' is not an attribute of User resources (path 'shoe').");
    }

    [Theory]
    [InlineData("emails[type eq \\\"work\\\" and]", "Expected a sub-attribute of 'emails'")]
    [InlineData("emails[type zz \\\"work\\\"]", "Unknown operator 'zz'")]
    [InlineData("emails[(type eq \\\"work\\\"]", "inside the '('")]
    [InlineData("emails[colour eq \\\"red\\\"].value", "Unknown sub-attribute 'colour' of 'emails'")]
    [InlineData("emails[primary eq 1]", "primary")]
    public async Task Malformed_value_filters_are_400_invalidFilter(string path, string detailPart)
    {
        var id = await Bob();

        (await Refused(id, PatchBody($$"""[{"op":"remove","path":"{{path}}"}]""").ToJsonString(), 400, ScimErrorTypes.InvalidFilter))
            .Detail.Should().Contain(detailPart);
    }

    [Theory]
    [InlineData("""{"op":"replace","path":"id","value":"mine"}""", "Attribute 'id' is read-only.")]
    [InlineData("""{"op":"replace","path":"meta.created","value":"2020-01-01T00:00:00Z"}""", "Attribute 'meta.created' is read-only.")]
    [InlineData("""{"op":"add","path":"groups","value":[{"value":"g"}]}""", "Attribute 'groups' is read-only.")]
    [InlineData("""{"op":"add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName","value":"Boss"}""", "is read-only.")]
    [InlineData("""{"op":"remove","path":"userName"}""", "Attribute 'userName' is required and cannot be removed.")]
    [InlineData("""{"op":"remove","path":"urn:ietf:params:scim:schemas:core:2.0:User"}""", "The core schema of a resource cannot be removed.")]
    public async Task Changing_read_only_or_removing_required_attributes_is_400_mutability(string operation, string detailPart)
    {
        var id = await Bob();

        (await Refused(id, PatchBody($"[{operation}]").ToJsonString(), 400, ScimErrorTypes.Mutability)).Detail.Should().Contain(detailPart);
    }

    [Theory]
    [InlineData("""{"op":"remove"}""", "A remove needs a \"path\"")]
    [InlineData("""{"op":"add","path":"emails[type ne \"work\"].value","value":"x"}""", "does not describe a value to add")]
    public async Task Operations_without_a_target_are_400_noTarget(string operation, string detailPart)
    {
        var id = await Bob();

        (await Refused(id, PatchBody($"[{operation}]").ToJsonString(), 400, ScimErrorTypes.NoTarget)).Detail.Should().Contain(detailPart);
    }

    [Fact]
    public async Task A_request_is_all_or_nothing_when_a_later_operation_fails()
    {
        var id = await Bob();

        var refusal = await Refused(id, PatchBody("""
            [{"op":"replace","path":"title","value":"CTO"},{"op":"replace","path":"name.givenName","value":"Robert"},
             {"op":"replace","path":"bogus","value":"x"}]
            """).ToJsonString(), 400, ScimErrorTypes.InvalidPath);

        refusal.Detail.Should().StartWith("PATCH operation 3 (replace 'bogus'): ");
    }

    [Fact]
    public async Task An_unknown_id_is_404_on_every_write()
    {
        await host.CreateUser("bob@example.com");
        var patch = PatchBody("""[{"op":"replace","path":"title","value":"x"}]""");
        var body = Json("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"x"}""");
        var ct = CancellationToken.None;

        (await ((Func<Task>)(() => host.Service.PatchAsync(host.Context, ScimResourceType.User, "nope", patch, null, AttributeSelection.All, ct))).ShouldBeRefused(404, null))
            .Detail.Should().Be("No User with id 'nope' exists.");
        await ((Func<Task>)(() => host.Service.ReplaceAsync(host.Context, ScimResourceType.User, "nope", body, null, AttributeSelection.All, ct))).ShouldBeRefused(404, null);
        await ((Func<Task>)(() => host.Service.DeleteAsync(host.Context, ScimResourceType.User, "nope", null, ct))).ShouldBeRefused(404, null);
        await ((Func<Task>)(() => host.Service.GetAsync(host.Context, ScimResourceType.Group, "nope", AttributeSelection.All, ct))).ShouldBeRefused(404, null);
        await ((Func<Task>)(() => host.Service.PatchAsync(host.Context, ScimResourceType.Group, "nope", patch, null, AttributeSelection.All, ct))).ShouldBeRefused(404, null);
        await ((Func<Task>)(() => host.Service.DeleteAsync(host.Context, ScimResourceType.Group, "nope", null, ct))).ShouldBeRefused(404, null);
    }
}
