using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Resources;
using static AutoRfpHex.Core.Tests.Scim.ScimTestHost;

namespace AutoRfpHex.Core.Tests.Scim;

/// <summary>PATCH forms on users, each checked against the exact stored document.</summary>
public sealed class UserPatchTests
{
    private const string Work = "[type eq \\\"work\\\"]";
    private readonly ScimTestHost host = new();

    private async Task<string> Bob() => (await host.CreateUser("bob@example.com", $$"""
        "name":{"givenName":"Bob","familyName":"Baker"},"displayName":"Bob Baker","active":true,
        "emails":[{"value":"bob@example.com","type":"work","primary":true},{"value":"bob@home.example","type":"home"}],
        "addresses":[{"type":"work","formatted":"1 Old St"}],
        "{{EnterpriseUrn}}":{"employeeNumber":"E-1","department":"Research"}
        """)).Id;

    private async Task<JsonObject> Stored(string id) => (await host.Stored(ScimResourceType.User, id)).Attributes;

    private async Task<AutoRfpHex.Core.Scim.Service.ScimResourceResponse> Patch(string id, string operations) =>
        ScimTestHost.WithBody(await host.Patch(ScimResourceType.User, id, operations));

    [Fact]
    public async Task Okta_deactivate_V23_replaces_active_without_a_path()
    {
        var id = await Bob();
        host.Clock.Advance(TimeSpan.FromMinutes(5));

        var patched = await Patch(id, """[{"op":"replace","value":{"active":false}}]""");

        (await Stored(id))["active"]!.GetValue<bool>().Should().BeFalse();
        patched.Body["active"]!.GetValue<bool>().Should().BeFalse();
        patched.ETag.Should().Be("W/\"2\"");
        patched.Body["meta"]!["lastModified"]!.GetValue<string>().Should().Be("2025-03-01T09:05:00.000Z");
        patched.Body["meta"]!["created"]!.GetValue<string>().Should().Be("2025-03-01T09:00:00.000Z");
    }

    [Fact]
    public async Task Entra_V25_capitalised_ops_change_the_work_email_in_place_and_a_sub_attribute()
    {
        var id = await Bob();

        await Patch(id, $$"""
            [{"op":"Replace","path":"emails{{Work}}.value","value":"bob.new@example.com"},
             {"op":"Replace","path":"name.familyName","value":"Bakerman"}]
            """);

        var stored = await Stored(id);
        stored["emails"].ShouldBeJson("""
            [{"value":"bob.new@example.com","type":"work","primary":true},{"value":"bob@home.example","type":"home"}]
            """);
        stored["name"].ShouldBeJson("""{"givenName":"Bob","familyName":"Bakerman"}""");
    }

    [Theory]
    [InlineData("\"False\"")]
    [InlineData("\"false\"")]
    [InlineData("false")]
    public async Task Entra_V27_disables_with_a_boolean_sent_as_a_string(string value)
    {
        var id = await Bob();

        var patched = await Patch(id, $$"""[{"op":"Replace","path":"active","value":{{value}} }]""");

        (await Stored(id))["active"]!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.False);
        patched.Body["active"]!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.False);
    }

    [Theory]
    [InlineData("replace")]
    [InlineData("Add")]
    public async Task Entra_V31_and_BR03_path_less_value_keys_are_attribute_paths_and_urns(string op)
    {
        var id = await Bob();

        await Patch(id, $$"""
            [{"op":"replace","path":"emails{{Work}}.value","value":"bob3@example.com"},
             {"op":"{{op}}","value":{"displayName":"Robert Baker","name.givenName":"Robert","name.familyName":"Baker-Smith",
               "{{EnterpriseUrn}}:employeeNumber":"E-1002"} }]
            """);

        (await Stored(id)).ShouldBeJson($$"""
            {"userName":"bob@example.com","name":{"givenName":"Robert","familyName":"Baker-Smith"},"displayName":"Robert Baker","active":true,
             "emails":[{"value":"bob3@example.com","type":"work","primary":true},{"value":"bob@home.example","type":"home"}],
             "addresses":[{"type":"work","formatted":"1 Old St"}],
             "{{EnterpriseUrn}}":{"employeeNumber":"E-1002","department":"Research"} }
            """);
    }

    [Fact]
    public async Task Validator_variant_of_V31_changes_userName_through_a_path_less_value()
    {
        var id = await Bob();

        await Patch(id, """[{"op":"replace","value":{"userName":"erin@example.com"}}]""");

        (await Stored(id))["userName"]!.GetValue<string>().Should().Be("erin@example.com");
    }

    [Fact]
    public async Task A_path_less_value_may_nest_extension_attributes_under_the_urn()
    {
        var id = await Bob();

        await Patch(id, $$"""[{"op":"add","value":{"{{EnterpriseUrn}}":{"costCenter":"CC-4","Department":"Physics"} } }]""");

        (await Stored(id))[EnterpriseUrn].ShouldBeJson("""{"employeeNumber":"E-1","department":"Physics","costCenter":"CC-4"}""");
    }

    [Fact]
    public async Task Entra_BR04_five_replaces_apply_in_order_and_leave_the_home_email_alone()
    {
        var id = await Bob();

        await Patch(id, $$"""
            [{"op":"Replace","path":"displayName","value":"Bob Smith"},
             {"op":"Replace","path":"emails{{Work}}.value","value":"bob.smith@example.com"},
             {"op":"Replace","path":"userName","value":"bob.smith@example.com"},
             {"op":"Replace","path":"name.familyName","value":"Smith"},
             {"op":"Replace","path":"addresses{{Work}}.formatted","value":"1 Main St, Springfield"}]
            """);

        (await Stored(id)).ShouldBeJson($$"""
            {"userName":"bob.smith@example.com","name":{"givenName":"Bob","familyName":"Smith"},"displayName":"Bob Smith","active":true,
             "emails":[{"value":"bob.smith@example.com","type":"work","primary":true},{"value":"bob@home.example","type":"home"}],
             "addresses":[{"type":"work","formatted":"1 Main St, Springfield"}],
             "{{EnterpriseUrn}}":{"employeeNumber":"E-1","department":"Research"} }
            """);
    }

    [Fact]
    public async Task Renaming_to_a_taken_userName_is_409_uniqueness_and_changes_nothing()
    {
        var id = await Bob();
        await host.CreateUser("alice@example.com");

        var refusal = await ((Func<Task>)(() => Patch(id, """[{"op":"replace","path":"userName","value":"Alice@Example.com"}]""")))
            .ShouldBeRefused(409, "uniqueness");

        refusal.Detail.Should().Be("userName 'Alice@Example.com' is already taken in this tenant.");
        (await Stored(id))["userName"]!.GetValue<string>().Should().Be("bob@example.com");
    }

    [Fact]
    public async Task Manager_V33_set_as_a_bare_id_then_changed_BR27()
    {
        var id = await Bob();
        var manager = $"{EnterpriseUrn}:manager";

        await Patch(id, $$"""[{"op":"Add","path":"{{manager}}","value":"boss-1"}]""");
        (await Stored(id))[EnterpriseUrn]!["manager"].ShouldBeJson("""{"value":"boss-1"}""");

        var changed = await Patch(id, $$"""[{"op":"replace","path":"{{manager}}","value":"boss-2"}]""");
        (await Stored(id))[EnterpriseUrn]!["manager"].ShouldBeJson("""{"value":"boss-2"}""");
        changed.Body[EnterpriseUrn]!["manager"].ShouldBeJson("""{"value":"boss-2"}""");
        changed.ETag.Should().Be("W/\"3\"");

        var again = await Patch(id, $$"""[{"op":"replace","path":"{{manager}}","value":"boss-2"}]""");
        again.ETag.Should().Be("W/\"3\"", "an identical PATCH changes nothing, so Entra's comparison settles");
    }

    [Theory]
    [InlineData("""{"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":""}""")]
    [InlineData("""{"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":null}""")]
    [InlineData("""{"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value","value":""}""")]
    [InlineData("""{"op":"remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":[{"value":"boss-1"}]}""")]
    [InlineData("""{"op":"replace","value":{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":""}}}""")]
    public async Task Manager_is_removed_by_empty_string_null_or_remove(string operation)
    {
        var id = await Bob();
        await Patch(id, $$"""[{"op":"add","path":"{{EnterpriseUrn}}:manager","value":{"value":"boss-1"} }]""");

        await Patch(id, $"[{operation}]");

        (await Stored(id))[EnterpriseUrn].ShouldBeJson("""{"employeeNumber":"E-1","department":"Research"}""");
    }

    [Fact]
    public async Task Manager_value_sub_attribute_path_sets_the_manager()
    {
        var id = await Bob();

        await Patch(id, $$"""[{"op":"add","path":"{{EnterpriseUrn}}:manager.value","value":"boss-9"}]""");

        (await Stored(id))[EnterpriseUrn]!["manager"].ShouldBeJson("""{"value":"boss-9"}""");
    }

    [Fact]
    public async Task Removing_the_extension_urn_removes_all_its_attributes_and_its_schema_uri()
    {
        var id = await Bob();

        var patched = await Patch(id, $$"""[{"op":"remove","path":"{{EnterpriseUrn}}"}]""");

        (await Stored(id)).ContainsKey(EnterpriseUrn).Should().BeFalse();
        patched.Body["schemas"].ShouldBeJson("""["urn:ietf:params:scim:schemas:core:2.0:User"]""");
    }

    [Fact]
    public async Task Removing_the_last_extension_attribute_drops_the_extension_object()
    {
        var id = await Bob();

        await Patch(id, $$"""
            [{"op":"remove","path":"{{EnterpriseUrn}}:employeeNumber"},{"op":"remove","path":"{{EnterpriseUrn}}:department"}]
            """);

        (await Stored(id)).ContainsKey(EnterpriseUrn).Should().BeFalse();
    }

    [Fact]
    public async Task Replacing_a_complex_attribute_merges_its_sub_attributes()
    {
        var id = await Bob();

        await Patch(id, """[{"op":"replace","path":"name","value":{"middleName":"","familyName":"Bloggs"}}]""");

        (await Stored(id))["name"].ShouldBeJson("""{"givenName":"Bob","familyName":"Bloggs","middleName":""}""");
    }

    [Fact]
    public async Task Removing_a_sub_attribute_keeps_the_others()
    {
        var id = await Bob();

        await Patch(id, """[{"op":"remove","path":"name.givenName"}]""");

        (await Stored(id))["name"].ShouldBeJson("""{"familyName":"Baker"}""");
    }

    [Fact]
    public async Task Add_through_a_filter_that_matches_nothing_creates_the_value_Entra()
    {
        var id = await Bob();

        await Patch(id, """[{"op":"Add","path":"phoneNumbers[type eq \"mobile\"].value","value":"+1 555 0100"}]""");

        (await Stored(id))["phoneNumbers"].ShouldBeJson("""[{"type":"mobile","value":"+1 555 0100"}]""");
    }

    [Fact]
    public async Task Add_through_a_filter_that_matches_changes_the_matching_values()
    {
        var id = await Bob();

        await Patch(id, """[{"op":"add","path":"emails[type eq \"home\"]","value":{"display":"Home mail"}}]""");

        (await Stored(id))["emails"].ShouldBeJson("""
            [{"value":"bob@example.com","type":"work","primary":true},{"value":"bob@home.example","type":"home","display":"Home mail"}]
            """);
    }

    [Fact]
    public async Task Replace_through_a_filter_that_matches_nothing_is_400_noTarget()
    {
        var id = await Bob();

        var refusal = await ((Func<Task>)(() => Patch(id, """[{"op":"replace","path":"emails[type eq \"other\"].value","value":"x@example.com"}]""")))
            .ShouldBeRefused(400, "noTarget");

        refusal.Detail.Should().Be("PATCH operation 1 (replace 'emails[type eq \"other\"].value'): No value of 'emails' matches [type eq \"other\"], so there is nothing to replace.");
    }

    [Fact]
    public async Task Remove_through_a_filter_that_matches_nothing_succeeds_and_changes_nothing()
    {
        var id = await Bob();

        var patched = await Patch(id, """[{"op":"remove","path":"emails[type eq \"other\"]"}]""");

        patched.ETag.Should().Be("W/\"1\"");
    }

    [Fact]
    public async Task Remove_with_a_filter_removes_only_the_matching_values()
    {
        var id = await Bob();

        await Patch(id, """[{"op":"remove","path":"emails[type eq \"home\" or value co \"nobody\"]"}]""");

        (await Stored(id))["emails"].ShouldBeJson("""[{"value":"bob@example.com","type":"work","primary":true}]""");
    }

    [Fact]
    public async Task Remove_of_a_sub_attribute_through_a_filter_keeps_the_value()
    {
        var id = await Bob();

        await Patch(id, """[{"op":"remove","path":"emails[type eq \"work\"].primary"}]""");

        (await Stored(id))["emails"].ShouldBeJson("""[{"value":"bob@example.com","type":"work"},{"value":"bob@home.example","type":"home"}]""");
    }

    [Fact]
    public async Task Remove_without_a_filter_clears_a_multi_valued_attribute()
    {
        var id = await Bob();

        await Patch(id, """[{"op":"remove","path":"emails"}]""");

        (await Stored(id)).ContainsKey("emails").Should().BeFalse();
    }

    [Fact]
    public async Task Remove_with_a_value_array_removes_only_those_values()
    {
        var id = await Bob();

        await Patch(id, """[{"op":"Remove","path":"emails","value":[{"value":"BOB@HOME.EXAMPLE"}]}]""");

        (await Stored(id))["emails"].ShouldBeJson("""[{"value":"bob@example.com","type":"work","primary":true}]""");
    }

    [Fact]
    public async Task Add_appends_new_values_merges_equal_ones_and_a_new_primary_demotes_the_old()
    {
        var id = await Bob();

        await Patch(id, """
            [{"op":"add","path":"emails","value":[{"value":"BOB@example.com","type":"work","display":"Bob at work"},
                                                   {"value":"bob@other.example","type":"other","primary":"True"}]}]
            """);

        (await Stored(id))["emails"].ShouldBeJson("""
            [{"value":"BOB@example.com","type":"work","primary":false,"display":"Bob at work"},
             {"value":"bob@home.example","type":"home"},
             {"value":"bob@other.example","type":"other","primary":true}]
            """);
    }

    [Fact]
    public async Task Setting_primary_through_a_filter_demotes_the_previous_primary()
    {
        var id = await Bob();

        await Patch(id, """[{"op":"replace","path":"emails[type eq \"home\"].primary","value":true}]""");

        (await Stored(id))["emails"].ShouldBeJson("""
            [{"value":"bob@example.com","type":"work","primary":false},{"value":"bob@home.example","type":"home","primary":true}]
            """);
    }

    [Fact]
    public async Task Replace_without_a_filter_replaces_every_value()
    {
        var id = await Bob();

        await Patch(id, """[{"op":"replace","path":"emails","value":{"value":"only@example.com","type":"work"}}]""");

        (await Stored(id))["emails"].ShouldBeJson("""[{"value":"only@example.com","type":"work"}]""");
    }

    [Fact]
    public async Task A_sub_attribute_of_a_multi_valued_attribute_without_filter_applies_to_every_value()
    {
        var id = await Bob();

        await Patch(id, """[{"op":"replace","path":"emails.display","value":"Bob"}]""");

        (await Stored(id))["emails"].ShouldBeJson("""
            [{"value":"bob@example.com","type":"work","primary":true,"display":"Bob"},{"value":"bob@home.example","type":"home","display":"Bob"}]
            """);
    }

    [Fact]
    public async Task Read_only_id_and_meta_in_a_path_less_value_are_ignored_and_password_is_never_stored()
    {
        var id = await Bob();

        await Patch(id, $$"""
            [{"op":"replace","value":{"id":"{{id}}","meta":{"resourceType":"User"},"schemas":["x"],"groups":[],"password":"s3cret!","title":"CTO"} },
             {"op":"replace","path":"password","value":"again"},{"op":"add","path":"schemas","value":["urn:x"]}]
            """);

        var stored = await Stored(id);
        stored["title"]!.GetValue<string>().Should().Be("CTO");
        stored.ContainsKey("password").Should().BeFalse();
        stored.ContainsKey("id").Should().BeFalse();
        stored.ContainsKey("meta").Should().BeFalse();
    }

    [Fact]
    public async Task Attributes_of_schemas_this_service_does_not_serve_are_ignored()
    {
        var id = await Bob();

        var patched = await Patch(id, """
            [{"op":"add","path":"urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User:badge","value":"7"},
             {"op":"replace","value":{"urn:example:custom:2.0:User:costCode":"C"}}]
            """);

        patched.ETag.Should().Be("W/\"1\"");
    }

    [Fact]
    public async Task Value_filters_compare_strings_case_insensitively_unless_case_exact()
    {
        var id = await Bob();

        await Patch(id, """[{"op":"replace","path":"emails[TYPE EQ \"WORK\" and value sw \"BOB@\"].display","value":"W"}]""");

        (await Stored(id))["emails"]![0]!["display"]!.GetValue<string>().Should().Be("W");
    }
}
