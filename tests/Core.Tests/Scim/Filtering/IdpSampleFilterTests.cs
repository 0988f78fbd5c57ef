using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using static AutoRfpHex.Core.Tests.Scim.Filtering.FilterTestSupport;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

/// <summary>Filters Okta, Entra and other provisioning clients really send (and the reported failures around them).</summary>
public sealed class IdpSampleFilterTests
{
    private static readonly ScimResourceRecord Alice = TestRecords.User("""
        { "id": "u-alice", "userName": "alice@example.com", "externalId": "alice-ext", "active": true,
          "emails": [ { "value": "alice@work.example", "type": "work", "primary": true }, { "value": "x", "type": "home" } ],
          "meta": { "created": "2025-12-01T00:00:00Z", "lastModified": "2026-03-01T08:00:00+01:00" } }
        """);

    private static readonly ScimResourceRecord Bob = TestRecords.User("""
        { "id": "u-bob", "userName": "bob@example.com", "externalId": "bob", "active": false,
          "emails": [ { "value": "x", "type": "work" } ],
          "meta": { "created": "2025-01-01T00:00:00Z", "lastModified": "2025-12-31T23:59:59Z" } }
        """);

    private static readonly ScimResourceRecord Engineering = TestRecords.Group("""
        { "id": "g-eng", "displayName": "Team \"Blue\" \\ Ops: R&D",
          "members": [ { "value": "u-bob", "display": "Bob", "type": "User" } ] }
        """);

    [Theory]
    [InlineData("userName eq \"alice@example.com\"", "{userName eq \"alice@example.com\"}", "u-alice")]
    [InlineData("userName eq \"ALICE@EXAMPLE.COM\"", "{userName eq \"ALICE@EXAMPLE.COM\"}", "u-alice")]
    [InlineData("externalId eq \"bob\"", "{externalId eq \"bob\"}", "u-bob")]
    [InlineData("externalId eq bob", "{externalId eq \"bob\"}", "u-bob")]
    [InlineData("emails[type eq \"work\"].value eq \"x\"", "emails[(and {emails.type eq \"work\"} {emails.value eq \"x\"})]", "u-bob")]
    [InlineData("id eq \"u-alice\" or id eq \"u-bob\"", "(or {id eq \"u-alice\"} {id eq \"u-bob\"})", "u-alice,u-bob")]
    [InlineData("userName eq \"alice@example.com\" and active eq true", "(and {userName eq \"alice@example.com\"} {active eq true})", "u-alice")]
    [InlineData("meta.lastModified gt \"2026-01-01T00:00:00Z\"", "{meta.lastModified gt \"2026-01-01T00:00:00.0000000Z\"}", "u-alice")]
    [InlineData("userName sw O", "{userName sw \"O\"}", "")]
    [InlineData("meta.Created gt 2015-10-10T14:38:21.86-07:00", "{meta.created gt \"2015-10-10T21:38:21.8600000Z\"}", "u-alice,u-bob")]
    [InlineData("name.FamilyName eq Employee and (emails.Value co example.com or emails.Value co example.org)",
        "(and {name.familyName eq \"Employee\"} (or {emails.value co \"example.com\"} {emails.value co \"example.org\"}))", "")]
    public void User_lookups_parse_to_the_expected_tree_and_find_the_expected_users(string filter, string tree, string ids)
    {
        ParseUser(filter).Should().Be(tree);

        var parsed = ScimFilterParser.Parse(filter, ScimResourceType.User);
        string.Join(",", new[] { Alice, Bob }.Where(u => ScimFilterEvaluator.Matches(parsed, u)).Select(u => u.Id)).Should().Be(ids);
    }

    [Theory]
    [InlineData("displayName eq \"Team \\\"Blue\\\" \\\\ Ops: R&D\"", "{displayName eq \"Team \\u0022Blue\\u0022 \\\\ Ops: R\\u0026D\"}", true)]
    [InlineData("members eq \"u-bob\"", "{members.value eq \"u-bob\"}", true)]
    [InlineData("id eq \"g-eng\" and members eq \"u-bob\"", "(and {id eq \"g-eng\"} {members.value eq \"u-bob\"})", true)]
    [InlineData("id eq \"g-eng\" and members eq \"u-alice\"", "(and {id eq \"g-eng\"} {members.value eq \"u-alice\"})", false)]
    [InlineData("members[value eq \"u-bob\"]", "members[{members.value eq \"u-bob\"}]", true)]
    [InlineData("displayName eq \"No Such Group\"", "{displayName eq \"No Such Group\"}", false)]
    public void Group_lookups_parse_to_the_expected_tree_and_match(string filter, string tree, bool matches)
    {
        ParseGroup(filter).Should().Be(tree);

        ScimFilterEvaluator.Matches(ScimFilterParser.Parse(filter, ScimResourceType.Group), Engineering).Should().Be(matches);
    }

    [Theory]
    [InlineData("userName eq", "Expected a value after 'eq' at position 11")]
    [InlineData("userName zz \"x\"", "Unknown operator 'zz'")]
    [InlineData("(userName eq \"x\"", "Missing ')'")]
    public void The_conformance_bad_filters_are_invalidFilter(string filter, string detail) =>
        RejectedDetail(filter).Should().Contain(detail);
}
