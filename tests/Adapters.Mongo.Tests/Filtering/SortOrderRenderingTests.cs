using AutoRfpHex.Adapters.Mongo.Filtering;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Tests.Filtering;

/// <summary>sortBy keys, the total order (no key, key, id) and the keyset "after" condition in both directions.</summary>
public sealed class SortOrderRenderingTests
{
    private static MongoSortOrder Order(string path, bool descending = false, ScimResourceType type = ScimResourceType.User) =>
        MongoSortOrder.For(type, new SortSpecification(ScimFilterParser.ParseAttributePath(path, type), descending));

    [Fact]
    public void Without_sortBy_the_order_is_creation_then_id_with_no_computed_stage()
    {
        var order = MongoSortOrder.For(ScimResourceType.User, null);

        order.Stages.Should().BeEmpty();
        MongoRendering.Json(order.Sort).Should().Be(MongoRendering.Expected("{ 'created': 1, 'resourceId': 1 }"));
        MongoRendering.Json(order.Reversed.Sort).Should().Be(MongoRendering.Expected("{ 'created': -1, 'resourceId': -1 }"));
    }

    [Fact]
    public void Without_sortBy_a_seek_is_a_plain_range_on_created_and_id()
    {
        var after = MongoSortOrder.For(ScimResourceType.User, null).After(new ScimSortPosition("2026-01-01T00:00:00.0010000Z", "u5"));

        MongoRendering.Json(after).Should().Be(MongoRendering.Expected(
            "{ '$or': [ { 'created': { '$gt': ISODate('2026-01-01T00:00:00.001Z') } }, { 'created': ISODate('2026-01-01T00:00:00.001Z'), 'resourceId': { '$gt': 'u5' } } ] }"));
    }

    [Fact]
    public void A_single_valued_string_key_reads_the_search_view_and_drops_empty_and_mistyped_values()
    {
        var (key, leaf) = MongoSortKey.For(ScimResourceType.User, new AttributePath(null, "userName"));

        leaf!.Name.Should().Be("userName");
        MongoRendering.Json(key.AsBsonDocument).Should().Be(MongoRendering.Expected(
            "{ '$let': { 'vars': { 'v': '$search.userName' }, 'in': { '$cond': [ { '$and': [ { '$eq': [ { '$type': '$$v' }, 'string' ] }, { '$ne': [ '$$v', '' ] } ] }, '$$v', null ] } } }"));
    }

    [Fact]
    public void A_multi_valued_key_is_the_primary_elements_value_else_the_first_elements()
    {
        var (key, _) = MongoSortKey.For(ScimResourceType.User, ScimFilterParser.ParseAttributePath("emails", ScimResourceType.User));

        MongoRendering.Json(key.AsBsonDocument["$let"]["vars"]["v"].AsBsonDocument).Should().Be(MongoRendering.Expected(
            "{ '$let': { 'vars': { 'e': { '$cond': [ { '$isArray': '$search.emails' }, '$search.emails', [ '$search.emails' ] ] } }, " +
            "'in': { '$let': { 'vars': { 'c': { '$ifNull': [ { '$first': { '$filter': { 'input': '$$e', 'cond': { '$eq': [ '$$this.primary', true ] } } } }, { '$first': '$$e' } ] } }, 'in': '$$c.value' } } } }"));
    }

    [Theory]
    [InlineData("meta.created", "$created", "date")]
    [InlineData("meta.lastModified", "$lastModified", "date")]
    [InlineData("id", "$resourceId", "string")]
    [InlineData("active", "$search.active", "bool")]
    public void Record_fields_and_typed_attributes_are_keys_only_of_their_own_type(string path, string source, string bsonType)
    {
        var (key, _) = MongoSortKey.For(ScimResourceType.User, ScimFilterParser.ParseAttributePath(path, ScimResourceType.User));

        var json = MongoRendering.Json(key.AsBsonDocument);
        json.Should().Contain($"\"v\" : \"{source}\"").And.Contain($"\"{bsonType}\"");
    }

    [Fact]
    public void With_sortBy_the_key_is_computed_then_keyless_documents_sort_last_ascending_and_first_descending()
    {
        var ascending = Order("displayName"); // optional: a user may have none
        var descending = Order("displayName", descending: true);

        ascending.Stages.Should().HaveCount(2);
        MongoRendering.Json(ascending.Stages[1]).Should().Be(MongoRendering.Expected("{ '$addFields': { '_sortNoKey': { '$eq': [ '$_sortKey', null ] } } }"));
        MongoRendering.Json(ascending.Sort).Should().Be(MongoRendering.Expected("{ '_sortNoKey': 1, '_sortKey': 1, 'resourceId': 1 }"));
        MongoRendering.Json(descending.Sort).Should().Be(MongoRendering.Expected("{ '_sortNoKey': -1, '_sortKey': -1, 'resourceId': 1 }"));
        MongoRendering.Json(descending.Reversed.Sort).Should().Be(MongoRendering.Expected("{ '_sortNoKey': 1, '_sortKey': 1, 'resourceId': -1 }"));
    }

    [Fact]
    public void After_a_keyed_position_ascending_come_greater_keys_equal_keys_with_greater_ids_and_all_keyless() =>
        MongoRendering.Json(Order("displayName").After(new ScimSortPosition("BOB", "u5"))).Should().Be(MongoRendering.Expected(
            "{ '$or': [ { '_sortNoKey': false, '$expr': { '$or': [ { '$gt': [ '$_sortKey', { '$literal': 'BOB' } ] }, { '$and': [ { '$eq': [ '$_sortKey', { '$literal': 'BOB' } ] }, { '$gt': [ '$resourceId', { '$literal': 'u5' } ] } ] } ] } }, { '_sortNoKey': true } ] }"));

    [Fact]
    public void After_a_keyed_position_descending_come_smaller_keys_only() =>
        MongoRendering.Json(Order("displayName", descending: true).After(new ScimSortPosition("BOB", "u5"))).Should().Be(MongoRendering.Expected(
            "{ '_sortNoKey': false, '$expr': { '$or': [ { '$lt': [ '$_sortKey', { '$literal': 'BOB' } ] }, { '$and': [ { '$eq': [ '$_sortKey', { '$literal': 'BOB' } ] }, { '$gt': [ '$resourceId', { '$literal': 'u5' } ] } ] } ] } }"));

    [Fact]
    public void After_a_keyless_position_come_keyless_greater_ids_and_when_keyless_lead_every_keyed_document()
    {
        MongoRendering.Json(Order("displayName").After(new ScimSortPosition(null, "u5"))).Should().Be(MongoRendering.Expected(
            "{ '_sortNoKey': true, 'resourceId': { '$gt': 'u5' } }"));
        MongoRendering.Json(Order("displayName", descending: true).After(new ScimSortPosition(null, "u5"))).Should().Be(MongoRendering.Expected(
            "{ '$or': [ { '_sortNoKey': true, 'resourceId': { '$gt': 'u5' } }, { '_sortNoKey': false } ] }"));
    }

    [Fact]
    public void A_backward_walk_reverses_both_comparisons() =>
        MongoRendering.Json(Order("displayName").Reversed.After(new ScimSortPosition("BOB", "u5"))).Should().Be(MongoRendering.Expected(
            "{ '_sortNoKey': false, '$expr': { '$or': [ { '$lt': [ '$_sortKey', { '$literal': 'BOB' } ] }, { '$and': [ { '$eq': [ '$_sortKey', { '$literal': 'BOB' } ] }, { '$lt': [ '$resourceId', { '$literal': 'u5' } ] } ] } ] } }"));

    [Theory]
    [InlineData("userName", ScimResourceType.User, "search.userName")]
    [InlineData("displayName", ScimResourceType.Group, "search.displayName")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:userName", ScimResourceType.User, "search.userName")]
    public void A_unique_key_every_stored_resource_has_is_the_whole_order_on_its_stored_field(string path, ScimResourceType type, string field)
    {
        var ascending = Order(path, type: type);
        var descending = Order(path, descending: true, type: type);

        ascending.Stages.Should().BeEmpty("the unique index on the field then gives the order in both directions");
        MongoRendering.Json(ascending.Sort).Should().Be(MongoRendering.Expected($"{{ '{field}': 1 }}"));
        MongoRendering.Json(descending.Sort).Should().Be(MongoRendering.Expected($"{{ '{field}': -1 }}"));
        MongoRendering.Json(descending.Reversed.Sort).Should().Be(MongoRendering.Expected($"{{ '{field}': 1 }}"));
    }

    [Theory]
    [InlineData("meta.created", ScimResourceType.Group, "created")]
    [InlineData("meta.lastModified", ScimResourceType.User, "lastModified")]
    public void A_shared_key_every_stored_resource_has_is_sorted_on_its_stored_field_then_id(string path, ScimResourceType type, string field)
    {
        var ascending = Order(path, type: type);
        var descending = Order(path, descending: true, type: type);

        ascending.Stages.Should().BeEmpty();
        MongoRendering.Json(ascending.Sort).Should().Be(MongoRendering.Expected($"{{ '{field}': 1, 'resourceId': 1 }}"));
        MongoRendering.Json(descending.Sort).Should().Be(MongoRendering.Expected($"{{ '{field}': -1, 'resourceId': 1 }}"));
        MongoRendering.Json(descending.Reversed.Sort).Should().Be(MongoRendering.Expected($"{{ '{field}': 1, 'resourceId': -1 }}"));
    }

    [Fact]
    public void A_seek_on_a_unique_stored_key_is_a_plain_range_on_it_and_positions_read_the_nested_field()
    {
        var order = Order("userName");
        var document = new BsonDocument { { "resourceId", "u5" }, { "search", new BsonDocument("userName", "BOB") } };

        var position = order.PositionOf(document);

        position.Should().Be(new ScimSortPosition("BOB", "u5"));
        MongoRendering.Json(order.After(position)).Should().Be(MongoRendering.Expected("{ 'search.userName': { '$gt': 'BOB' } }"));
        MongoRendering.Json(Order("userName", descending: true).After(position)).Should().Be(MongoRendering.Expected(
            "{ 'search.userName': { '$lt': 'BOB' } }"));
    }

    [Fact]
    public void Optional_and_multi_valued_and_extension_keys_are_computed_since_they_may_be_missing()
    {
        Order("displayName").Stages.Should().NotBeEmpty();
        Order("name.familyName").Stages.Should().NotBeEmpty();
        Order("emails").Stages.Should().NotBeEmpty();
        Order("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber").Stages.Should().NotBeEmpty();
        Order("externalId", type: ScimResourceType.Group).Stages.Should().NotBeEmpty();
    }

    [Fact]
    public void Date_keys_travel_as_canonical_text_and_come_back_as_dates()
    {
        var order = Order("meta.lastModified");
        var document = new BsonDocument { { "lastModified", new BsonDateTime(new DateTime(2026, 1, 2, 3, 4, 5, 6, DateTimeKind.Utc)) }, { "resourceId", "u1" } };

        var position = order.PositionOf(document);

        position.Should().Be(new ScimSortPosition("2026-01-02T03:04:05.0060000Z", "u1"));
        MongoRendering.Json(order.After(position)).Should().Be(MongoRendering.Expected(
            "{ '$or': [ { 'lastModified': { '$gt': ISODate('2026-01-02T03:04:05.006Z') } }, { 'lastModified': ISODate('2026-01-02T03:04:05.006Z'), 'resourceId': { '$gt': 'u1' } } ] }"));
    }

    [Fact]
    public void Positions_read_numbers_as_doubles_booleans_and_missing_keys()
    {
        var order = Order("displayName");

        order.PositionOf(new BsonDocument { { "_sortKey", 3 }, { "resourceId", "a" } }).Key.Should().Be(3.0);
        order.PositionOf(new BsonDocument { { "_sortKey", true }, { "resourceId", "a" } }).Key.Should().Be(true);
        order.PositionOf(new BsonDocument { { "_sortKey", BsonNull.Value }, { "resourceId", "a" } }).Key.Should().BeNull();
        order.PositionOf(new BsonDocument("resourceId", "a")).Key.Should().BeNull();
    }

    [Theory]
    [InlineData("$SVC-BOT", "u5")]
    [InlineData("$", "$$x")]
    public void Position_strings_that_look_like_field_paths_or_variables_go_into_the_expression_as_literals(string key, string id)
    {
        var after = MongoRendering.Json(Order("displayName").After(new ScimSortPosition(key, id)));

        after.Should().Contain($"{{ \"$literal\" : \"{key}\" }}").And.Contain($"{{ \"$literal\" : \"{id}\" }}");
    }

    [Fact]
    public void A_forged_key_of_another_kind_still_renders()
    {
        var act = () => Order("displayName").After(new ScimSortPosition(12.5, "x"));

        act.Should().NotThrow();
        MongoRendering.Json(act()).Should().Contain("12.5");
    }
}
