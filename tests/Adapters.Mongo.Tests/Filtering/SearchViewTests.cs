using System.Text.Json.Nodes;
using AutoRfpHex.Adapters.Mongo.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Tests.Filtering;

/// <summary>The search view keeps the attributes' shape with values as filters compare them.</summary>
public sealed class SearchViewTests
{
    [Fact]
    public void Case_insensitive_strings_fold_caseExact_ones_do_not_and_other_kinds_stay()
    {
        var attributes = JsonNode.Parse("""
            {
              "userName": "Bob", "externalId": "Ext-1", "active": false, "schemas": ["urn:x"],
              "name": { "givenName": "Ann", "familyName": null },
              "emails": [ { "value": "Bob@X.com", "type": "work", "primary": true }, { "value": "b@y.org" } ],
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { "employeeNumber": "e1", "manager": { "value": "m1" } },
              "x-custom": 5
            }
            """)!.AsObject();

        var view = MongoSearchView.Of(ScimResourceType.User, attributes);

        MongoRendering.Json(view).Should().Be(MongoRendering.Expected("""
            {
              "userName": "BOB", "externalId": "Ext-1", "active": false, "schemas": ["urn:x"],
              "name": { "givenName": "ANN", "familyName": null },
              "emails": [ { "value": "BOB@X.COM", "type": "WORK", "primary": true }, { "value": "B@Y.ORG" } ],
              "urn:ietf:params:scim:schemas:extension:enterprise:2\uFF0E0:User": { "employeeNumber": "E1", "manager": { "value": "M1" } },
              "x-custom": 5.0
            }
            """));
    }

    [Fact]
    public void Folding_is_the_Cores_upper_invariant_fold() =>
        MongoSearchView.Of(ScimResourceType.Group, new JsonObject { ["displayName"] = "straße ı é" })["displayName"]
            .Should().Be(new BsonString(Core.Scim.Filtering.ScimStringComparison.Fold("straße ı é", caseExact: false)));
}
