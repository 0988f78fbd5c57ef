using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

/// <summary>Records the evaluator tests share, and a one-call "does this filter text match this record".</summary>
internal static class EvaluatorFixtures
{
    public const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    public static readonly ScimResourceRecord Alice = TestRecords.User($$"""
        {
          "id": "u-alice",
          "userName": "Alice@Example.com",
          "externalId": "Ext-1",
          "displayName": "Zoë 東京 😀",
          "title": "",
          "nickName": null,
          "active": true,
          "name": { "givenName": "Alice", "familyName": "Smith" },
          "emails": [
            { "value": "alice@work.example", "type": "work", "primary": true },
            { "value": "alice@home.example", "type": "home" }
          ],
          "phoneNumbers": [],
          "{{Enterprise}}": { "employeeNumber": "E-7", "manager": { "value": "m-1", "displayName": "Bob" } },
          "meta": { "created": "2025-06-01T10:00:00Z", "lastModified": "2026-02-01T00:00:00Z", "version": 3 },
          "groups": [ { "value": "g-eng", "display": "Engineering", "type": "Group" } ]
        }
        """);

    public static readonly ScimResourceRecord Bare = TestRecords.User("""
        { "id": "u-bare", "userName": "bare", "active": false, "name": { "givenName": null, "familyName": "" } }
        """);

    public static bool Matches(string filter, ScimResourceRecord record) =>
        ScimFilterEvaluator.Matches(ScimFilterParser.Parse(filter, record.Type), record);
}
