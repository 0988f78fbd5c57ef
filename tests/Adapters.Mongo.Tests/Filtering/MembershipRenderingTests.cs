using AutoRfpHex.Adapters.Mongo.Filtering;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Tests.Filtering;

/// <summary>members / groups: membership lookups named first, then id $in the owners each lookup found.</summary>
public sealed class MembershipRenderingTests
{
    [Theory]
    [InlineData("members.value eq \"u1\"", true, "{ 'member': 'u1' }")]
    [InlineData("members eq \"u1\"", true, "{ 'member': 'u1' }")]
    [InlineData("members[type eq \"user\" and value sw \"u\"]", true, "{ '$and': [ { 'memberType': { '$in': ['User'] } }, { 'member': /^u/ } ] }")]
    [InlineData("members pr", true, "{ }")]
    [InlineData("members.value pr", true, "{ '$or': [ { 'member': { '$gt': '' } }, { 'member': { '$type': ['number', 'bool', 'date'] } } ] }")]
    public void Group_members_become_a_lookup_of_the_groups_holding_a_matching_membership(string filter, bool asGroupMember, string lookup)
    {
        var lookups = MongoFilterTranslator.LookupsOf(ScimResourceType.Group, ScimFilterParser.Parse(filter, ScimResourceType.Group));

        lookups.Should().ContainSingle();
        lookups[0].AsGroupMember.Should().Be(asGroupMember);
        lookups[0].OwnerField.Should().Be("group");
        MongoRendering.Json(lookups[0].Filter).Should().Be(MongoRendering.Expected(lookup));
    }

    [Fact]
    public void User_groups_compare_the_folded_group_id_and_yield_member_ids()
    {
        var lookups = MongoFilterTranslator.LookupsOf(ScimResourceType.User, ScimFilterParser.Parse("groups.value eq \"g-1a\"", ScimResourceType.User));

        lookups.Should().ContainSingle().Which.Should().Be(new MembershipLookup(false, new BsonDocument("groupFolded", "G-1A")));
        lookups[0].OwnerField.Should().Be("member");
    }

    [Fact]
    public void The_resource_query_takes_the_ids_the_store_found()
    {
        var translator = new MongoFilterTranslator(ScimResourceType.Group, _ => ["g1", "g2"]);

        var filter = translator.Translate(ScimFilterParser.Parse("members.value eq \"u1\" and displayName sw \"Eng\"", ScimResourceType.Group));

        MongoRendering.Json(filter).Should().Be(MongoRendering.Expected(
            "{ '$and': [ { 'id': { '$in': ['g1', 'g2'] } }, { 'search.displayName': /^ENG/ } ] }"));
    }

    [Theory]
    [InlineData("members.value ne \"u1\"", "{ '$nor': [ { 'id': { '$in': ['found'] } } ] }")]
    [InlineData("not (members.value eq \"u1\")", "{ '$nor': [ { 'id': { '$in': ['found'] } } ] }")]
    [InlineData("members eq null", "{ '$nor': [ { 'id': { '$in': ['found'] } } ] }")]
    public void Negations_exclude_the_owners_found_so_groups_without_members_match(string filter, string expected) =>
        MongoRendering.Json(new MongoFilterTranslator(ScimResourceType.Group, _ => ["found"]).Translate(ScimFilterParser.Parse(filter, ScimResourceType.Group)))
            .Should().Be(MongoRendering.Expected(expected));

    [Fact]
    public void A_lookup_that_can_match_nothing_is_never_run() =>
        MongoFilterTranslator.LookupsOf(ScimResourceType.Group, ScimFilterParser.Parse("members.type eq \"robot\"", ScimResourceType.Group))
            .Should().BeEmpty();

    [Fact]
    public void The_same_lookup_twice_is_run_once() =>
        MongoFilterTranslator.LookupsOf(ScimResourceType.Group, ScimFilterParser.Parse("members.value eq \"u\" or not (members.value eq \"u\")", ScimResourceType.Group))
            .Should().ContainSingle();

    [Fact]
    public void Membership_display_is_reported_as_not_translated()
    {
        var act = () => MongoFilterTranslator.LookupsOf(ScimResourceType.Group, ScimFilterParser.Parse("members.display eq \"Ann\"", ScimResourceType.Group));

        act.Should().Throw<MongoFilterNotTranslatedException>().WithMessage("*display*");
    }
}
