using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using static AutoRfpHex.Core.Tests.Scim.Filtering.FilterTestSupport;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

public sealed class ScimFilterParserPathTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private const string CoreUser = "urn:ietf:params:scim:schemas:core:2.0:User";

    private static AttributePath PathOf(string filter, ScimResourceType type = ScimResourceType.User) =>
        ((ComparisonFilter)ScimFilterParser.Parse(filter, type)).Path;

    [Theory]
    [InlineData("USERNAME eq \"x\"", null, "userName", null)]
    [InlineData("username eq \"x\"", null, "userName", null)]
    [InlineData("Name.FamilyName eq \"x\"", null, "name", "familyName")]
    [InlineData("EMAILS.VALUE eq \"x\"", null, "emails", "value")]
    [InlineData("ID eq \"x\"", null, "id", null)]
    [InlineData("externalid eq \"x\"", null, "externalId", null)]
    [InlineData("META.CREATED gt \"2026-01-01T00:00:00Z\"", null, "meta", "created")]
    [InlineData("meta.LASTMODIFIED gt \"2026-01-01T00:00:00Z\"", null, "meta", "lastModified")]
    [InlineData("meta.resourcetype eq \"User\"", null, "meta", "resourceType")]
    [InlineData("meta.Version eq \"W/\\\"1\\\"\"", null, "meta", "version")]
    [InlineData("groups.value eq \"g\"", null, "groups", "value")]
    [InlineData("Groups.Display co \"eng\"", null, "groups", "display")]
    [InlineData("addresses.postalCode sw \"10\"", null, "addresses", "postalCode")]
    public void Attribute_names_are_case_insensitive_and_come_out_canonical(string filter, string? urn, string attribute, string? sub) =>
        PathOf(filter).Should().Be(new AttributePath(urn, attribute, sub));

    [Theory]
    [InlineData(CoreUser + ":userName eq \"x\"", null, "userName", null)]
    [InlineData("URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:name.givenName eq \"x\"", null, "name", "givenName")]
    [InlineData(CoreUser + ":emails.value eq \"x\"", null, "emails", "value")]
    [InlineData(CoreUser + ":id eq \"x\"", null, "id", null)]
    [InlineData(Enterprise + ":employeeNumber eq \"7\"", Enterprise, "employeeNumber", null)]
    [InlineData(Enterprise + ":manager.value eq \"m\"", Enterprise, "manager", "value")]
    [InlineData(Enterprise + ":Manager.DisplayName eq \"m\"", Enterprise, "manager", "displayName")]
    [InlineData("urn:ietf:params:scim:schemas:extension:ENTERPRISE:2.0:user:department eq \"R&D\"", Enterprise, "department", null)]
    [InlineData(Enterprise + ":manager eq \"m\"", Enterprise, "manager", "value")]
    public void Fully_qualified_names_resolve_the_core_schema_to_null_and_extensions_to_their_canonical_urn(string filter, string? urn, string attribute, string? sub) =>
        PathOf(filter).Should().Be(new AttributePath(urn, attribute, sub));

    [Theory]
    [InlineData("members.value eq \"u1\"", "members", "value")]
    [InlineData("members.display co \"alice\"", "members", "display")]
    [InlineData("members.type eq \"User\"", "members", "type")]
    [InlineData("members eq \"u1\"", "members", "value")]
    [InlineData("displayName eq \"Eng\"", "displayName", null)]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:Group:displayName eq \"Eng\"", "displayName", null)]
    [InlineData("externalId eq \"g-ext\"", "externalId", null)]
    public void Group_paths_include_members(string filter, string attribute, string? sub) =>
        PathOf(filter, ScimResourceType.Group).Should().Be(new AttributePath(null, attribute, sub));

    [Theory]
    [InlineData("emails eq \"a@x\"", "{emails.value eq \"a@x\"}")]
    [InlineData("emails co \"@x\"", "{emails.value co \"@x\"}")]
    [InlineData("groups eq \"g1\"", "{groups.value eq \"g1\"}")]
    [InlineData("emails pr", "{emails pr}")]
    [InlineData("name pr", "{name pr}")]
    [InlineData("meta pr", "{meta pr}")]
    public void A_complex_attribute_compared_directly_means_its_value_but_pr_tests_the_attribute(string filter, string tree) =>
        ParseUser(filter).Should().Be(tree);

    [Theory]
    [InlineData("nickname2 eq \"x\"", "Unknown attribute 'nickname2' at position 0 for User resources")]
    [InlineData("title eq \"x\" and foo pr", "Unknown attribute 'foo' at position 17")]
    [InlineData("employeeNumber eq \"1\"", "need their schema URN: '" + Enterprise + ":employeeNumber'")]
    [InlineData(Enterprise + ":userName eq \"x\"", "Unknown attribute 'userName'")]
    [InlineData("members.value eq \"x\"", "Unknown attribute 'members'")]
    [InlineData("userName.first eq \"x\"", "'userName' at position 0 has no sub-attributes ('first')")]
    [InlineData("name.nope eq \"x\"", "Unknown sub-attribute 'nope' of 'name' at position 0; known: formatted, familyName")]
    [InlineData("emails.value.x eq \"x\"", "Invalid attribute path 'emails.value.x' at position 0")]
    [InlineData("name. eq \"x\"", "Invalid attribute path 'name.'")]
    [InlineData(".name eq \"x\"", "Invalid attribute path '.name'")]
    [InlineData("1st eq \"x\"", "Invalid attribute path '1st'")]
    [InlineData("user*Name eq \"x\"", "Invalid attribute path 'user*Name'")]
    [InlineData("urn:example:custom:1.0:User:level gt 1", "Unknown schema 'urn:example:custom:1.0:User'")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:Group:displayName eq \"x\"", "Unknown schema 'urn:ietf:params:scim:schemas:core:2.0:Group'")]
    [InlineData(Enterprise + " pr", "names a schema, not an attribute")]
    [InlineData("password eq \"secret\"", "'password' at position 0 cannot be queried: passwords are never stored")]
    [InlineData("meta.location eq \"https://x\"", "'meta.location' at position 0 cannot be queried")]
    [InlineData("groups.$ref pr", "'groups.$ref' at position 0 cannot be queried")]
    [InlineData("groups.type eq \"direct\"", "'groups.type' at position 0 cannot be queried")]
    public void Unknown_or_unqueryable_paths_are_invalid_filters_naming_the_attribute(string filter, string detail) =>
        RejectedDetail(filter).Should().Contain(detail);

    [Theory]
    [InlineData("groups.value eq \"x\"", "Unknown attribute 'groups'")]
    [InlineData("userName eq \"x\"", "Unknown attribute 'userName' at position 0 for Group resources")]
    [InlineData("members.$ref pr", "'members.$ref' at position 0 cannot be queried")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"x\"", "Unknown schema")]
    public void Group_filters_refuse_user_attributes(string filter, string detail) =>
        RejectedDetail(filter, ScimResourceType.Group).Should().Contain(detail);
}
