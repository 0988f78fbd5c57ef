using System.Text.Json.Nodes;
using AutoRfpHex.Adapters.Mongo.Filtering;
using AutoRfpHex.Adapters.Mongo.Scim;
using AutoRfpHex.Adapters.Mongo.Tests.Filtering;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Tests.Rendering;

/// <summary>
/// The documents the store writes have every field the filter, sort and seek translation reads, with the BSON types it
/// compares against: each field path of a translated filter or sort key resolves in a store-written document.
/// </summary>
public sealed class StoreDocumentShapeTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static readonly Tenant Tenant = new("org-a", DeploymentEnvironment.Sandbox);
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 1, 250, TimeSpan.Zero);

    private static readonly ScimResourceRecord User = new("u-1", ScimResourceType.User, 3, At, At.AddMinutes(1), JsonNode.Parse($$"""
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "{{Enterprise}}"],
          "userName": "Bob", "externalId": "Ext-1", "displayName": "Bobby", "active": true,
          "name": { "givenName": "Bob", "familyName": "Smith" },
          "emails": [ { "value": "Bob@X.com", "type": "work", "primary": true } ],
          "{{Enterprise}}": { "employeeNumber": "e1", "manager": { "value": "m-1" } }
        }
        """)!.AsObject());

    private static BsonDocument Written => ScimResourceDocument.From(Tenant, User);

    [Fact]
    public void Record_fields_have_the_names_and_types_the_translation_compares()
    {
        var document = Written;

        document[MongoResourceFields.Organization].Should().Be(new BsonString("org-a"));
        document[MongoResourceFields.Environment].Should().Be(new BsonString("Sandbox"));
        document[MongoResourceFields.ResourceType].Should().Be(new BsonString(MongoResourceFields.TypeName(ScimResourceType.User)));
        document[MongoResourceFields.Id].Should().Be(new BsonString("u-1"));
        document[MongoResourceFields.Version].BsonType.Should().Be(BsonType.Int64, "meta.version eq W/\"3\" matches a long");
        document[MongoResourceFields.Created].BsonType.Should().Be(BsonType.DateTime);
        document[MongoResourceFields.LastModified].BsonType.Should().Be(BsonType.DateTime);
        document[MongoResourceFields.Search].Should().Be(MongoSearchView.Of(ScimResourceType.User, User.Attributes));
    }

    [Theory]
    [InlineData("userName eq \"bob\"", BsonType.String)]
    [InlineData("displayName sw \"bo\"", BsonType.String)]
    [InlineData("externalId eq \"Ext-1\"", BsonType.String)]
    [InlineData("active eq true", BsonType.Boolean)]
    [InlineData("name.familyName co \"mit\"", BsonType.String)]
    [InlineData("emails.value ew \"x.com\"", BsonType.String)]
    [InlineData("emails[type eq \"work\" and primary eq true]", null)]
    [InlineData(Enterprise + ":employeeNumber eq \"E1\"", BsonType.String)]
    [InlineData(Enterprise + ":manager.value eq \"m-1\"", BsonType.String)]
    [InlineData("id eq \"u-1\"", BsonType.String)]
    [InlineData("meta.created gt \"2026-01-01T00:00:00Z\"", BsonType.DateTime)]
    [InlineData("meta.lastModified le \"2027-01-01T00:00:00Z\"", BsonType.DateTime)]
    [InlineData("meta.version eq \"W/\\\"3\\\"\"", BsonType.Int64)]
    public void Every_field_a_filter_reads_is_in_the_written_document_with_the_compared_type(string filter, BsonType? type)
    {
        var translated = MongoRendering.Translate(filter);
        var paths = FieldPaths(translated, string.Empty).ToList();

        paths.Should().NotBeEmpty();
        foreach (var path in paths)
        {
            var value = Resolve(Written, path);
            value.Should().NotBeNull($"'{filter}' reads {path}");
            if (type is { } expected && !path.EndsWith(".type", StringComparison.Ordinal) && !path.EndsWith(".primary", StringComparison.Ordinal))
            {
                value!.BsonType.Should().Be(expected, $"'{filter}' compares {path}");
            }
        }
    }

    [Theory]
    [InlineData("userName", BsonType.String)]
    [InlineData("displayName", BsonType.String)]
    [InlineData("id", BsonType.String)]
    [InlineData("name.familyName", BsonType.String)]
    [InlineData("emails", BsonType.String)]
    [InlineData(Enterprise + ":employeeNumber", BsonType.String)]
    [InlineData("meta.created", BsonType.DateTime)]
    [InlineData("meta.lastModified", BsonType.DateTime)]
    public void Every_field_a_sort_key_reads_is_in_the_written_document(string sortBy, BsonType type)
    {
        var path = ScimFilterParser.ParseAttributePath(sortBy, ScimResourceType.User);
        var order = MongoSortOrder.For(ScimResourceType.User, new SortSpecification(path, Descending: false));
        var fields = order.Stages.Count == 0
            ? [order.Sort.GetElement(0).Name] // a stored key field (then id)
            : FieldReferences(order.Stages[0]).Where(f => !f.StartsWith('$')).Distinct().ToList();

        fields.Should().NotBeEmpty();
        foreach (var field in fields)
        {
            var value = Resolve(Written, field);
            value.Should().NotBeNull($"sortBy {sortBy} reads {field}");
            value!.BsonType.Should().BeOneOf([type, BsonType.Array], $"sortBy {sortBy} reads {field}");
        }
    }

    [Fact]
    public void A_replace_writes_the_search_view_in_the_same_update_as_the_version()
    {
        var replaced = User with { Version = 4, Attributes = new JsonObject { ["userName"] = "Eve" } };

        var set = ScimResourceDocument.Replacement(replaced).Render()["$set"].AsBsonDocument;

        set[MongoResourceFields.Version].Should().Be(new BsonInt64(4));
        set[MongoResourceFields.Search].Should().Be(new BsonDocument("userName", "EVE"));
    }

    [Fact]
    public void Every_key_of_a_resource_index_is_in_the_written_documents_of_the_type_it_covers()
    {
        var group = new ScimResourceRecord("g-1", ScimResourceType.Group, 1, At, At, new JsonObject { ["displayName"] = "Sales" });
        var written = new Dictionary<string, BsonDocument>
        {
            ["User"] = Written,
            ["Group"] = ScimResourceDocument.From(Tenant, group),
        };

        foreach (var index in Database.MongoIndexes.All(new MongoStorageOptions("mongodb://127.0.0.1", "db"))
                     .Where(i => i.Collection == Database.MongoCollectionNames.ScimResources))
        {
            var model = index.Model.Render();
            // An index over every type is checked on the user, whose sample has every indexed attribute.
            var types = model.TryGetValue("partialFilterExpression", out var partial) ? [partial["type"].AsString] : new[] { "User" };
            foreach (var type in types)
            {
                foreach (var key in model["key"].AsBsonDocument.Names)
                {
                    Resolve(written[type], key).Should().NotBeNull($"index {model["name"]} reads {key} of a {type}");
                }
            }
        }
    }

    [Fact]
    public void Membership_documents_have_every_field_the_membership_lookups_read()
    {
        var group = new ScimResourceRecord("Grp-1", ScimResourceType.Group, 1, At, At, new JsonObject { ["displayName"] = "G" })
        {
            Members = [new MemberReference("u-1", ScimResourceType.User, null)],
        };
        var membership = MongoFilterDifferential.MembershipDocuments(Tenant, group).Single();
        var lookups = MongoFilterTranslator.LookupsOf(ScimResourceType.Group, ScimFilterParser.Parse("members[value eq \"u-1\" and type eq \"User\"]", ScimResourceType.Group))
            .Concat(MongoFilterTranslator.LookupsOf(ScimResourceType.User, ScimFilterParser.Parse("groups.value eq \"grp-1\"", ScimResourceType.User)))
            .ToList();

        lookups.Should().HaveCount(2);
        foreach (var lookup in lookups)
        {
            lookup.Collection.Should().Be(MongoLookupCollection.Memberships);
            Resolve(membership, lookup.IdField).Should().NotBeNull();
            foreach (var path in FieldPaths(lookup.Filter, string.Empty))
            {
                Resolve(membership, path).Should().BeOfType<BsonString>($"the lookup reads {path}");
            }
        }

        membership[MongoMembershipFields.GroupFolded].Should().Be(new BsonString("GRP-1"));
    }

    /// <summary>Field paths of a query document (operators skipped; <c>$elemMatch</c> conditions under their array's path).</summary>
    private static IEnumerable<string> FieldPaths(BsonDocument query, string prefix)
    {
        foreach (var element in query)
        {
            if (element.Name.StartsWith('$'))
            {
                var nested = element.Value is BsonArray array ? array.OfType<BsonDocument>() : element.Value is BsonDocument d ? [d] : [];
                foreach (var path in nested.SelectMany(n => FieldPaths(n, prefix)))
                {
                    yield return path;
                }

                continue;
            }

            var field = prefix + element.Name;
            if (element.Value is BsonDocument { ElementCount: > 0 } condition && condition.GetElement(0).Name == "$elemMatch")
            {
                foreach (var path in FieldPaths(condition["$elemMatch"].AsBsonDocument, field + "."))
                {
                    yield return path;
                }
            }
            else
            {
                yield return field;
            }
        }
    }

    /// <summary>The <c>"$field.path"</c> references of an aggregation expression, without the <c>$</c>.</summary>
    private static IEnumerable<string> FieldReferences(BsonValue expression) => expression switch
    {
        BsonString { Value: var s } when s.StartsWith('$') && !s.StartsWith("$$", StringComparison.Ordinal) => [s[1..]],
        BsonDocument document => document.Values.SelectMany(FieldReferences),
        BsonArray array => array.SelectMany(FieldReferences),
        _ => [],
    };

    /// <summary>The value at a dotted path, through arrays as MongoDB traverses them (the first element holding it).</summary>
    private static BsonValue? Resolve(BsonValue value, string path)
    {
        var (head, rest) = path.IndexOf('.') is var dot and >= 0 ? (path[..dot], path[(dot + 1)..]) : (path, null);
        return value switch
        {
            BsonArray array => array.Select(e => Resolve(e, path)).FirstOrDefault(v => v is not null),
            BsonDocument document when document.TryGetValue(head, out var child) => rest is null ? child : Resolve(child, rest),
            _ => null,
        };
    }
}
