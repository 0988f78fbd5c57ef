using AutoRfpHex.Adapters.Mongo.Filtering;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Tests.Filtering;

/// <summary>members / groups: membership lookups named first, then id $in the owners each lookup found.</summary>
public sealed class MembershipRenderingTests
{
    [Theory]
    [InlineData("members.value eq \"u1\"", true, "{ 'memberId': 'u1' }")]
    [InlineData("members eq \"u1\"", true, "{ 'memberId': 'u1' }")]
    [InlineData("members[type eq \"user\" and value sw \"u\"]", true, "{ '$and': [ { 'memberType': { '$in': ['User'] } }, { 'memberId': /^u/ } ] }")]
    [InlineData("members pr", true, "{ }")]
    [InlineData("members.value pr", true, "{ '$or': [ { 'memberId': { '$gt': '' } }, { 'memberId': { '$type': ['number', 'bool', 'date'] } } ] }")]
    public void Group_members_become_a_lookup_of_the_groups_holding_a_matching_membership(string filter, bool asGroupMember, string lookup)
    {
        var lookups = MongoFilterTranslator.LookupsOf(ScimResourceType.Group, ScimFilterParser.Parse(filter, ScimResourceType.Group));

        var membership = lookups.Should().ContainSingle().Which.Should().BeOfType<MembershipLookup>().Subject;
        membership.AsGroupMember.Should().Be(asGroupMember);
        membership.OwnerField.Should().Be("groupId");
        membership.Collection.Should().Be(MongoLookupCollection.Memberships);
        MongoRendering.Json(membership.Filter).Should().Be(MongoRendering.Expected(lookup));
    }

    [Fact]
    public void User_groups_compare_the_folded_group_id_and_yield_member_ids()
    {
        var lookups = MongoFilterTranslator.LookupsOf(ScimResourceType.User, ScimFilterParser.Parse("groups.value eq \"g-1a\"", ScimResourceType.User));

        lookups.Should().ContainSingle().Which.Should().Be(new MembershipLookup(false, new BsonDocument("groupIdFolded", "G-1A")));
        lookups[0].IdField.Should().Be("memberId");
    }

    [Fact]
    public void The_resource_query_takes_the_ids_the_store_found()
    {
        var translator = new MongoFilterTranslator(ScimResourceType.Group, _ => ["g1", "g2"]);

        var filter = translator.Translate(ScimFilterParser.Parse("members.value eq \"u1\" and displayName sw \"Eng\"", ScimResourceType.Group));

        MongoRendering.Json(filter).Should().Be(MongoRendering.Expected(
            "{ '$and': [ { 'resourceId': { '$in': ['g1', 'g2'] } }, { 'search.displayName': /^ENG/ } ] }"));
    }

    [Theory]
    [InlineData("members.value ne \"u1\"", "{ '$nor': [ { 'resourceId': { '$in': ['found'] } } ] }")]
    [InlineData("not (members.value eq \"u1\")", "{ '$nor': [ { 'resourceId': { '$in': ['found'] } } ] }")]
    [InlineData("members eq null", "{ '$nor': [ { 'resourceId': { '$in': ['found'] } } ] }")]
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
    public void A_members_display_is_resolved_in_rounds_first_the_named_resources_then_their_memberships()
    {
        var filter = ScimFilterParser.Parse("members[display eq \"Ann\" and type eq \"User\"]", ScimResourceType.Group);
        var named = new ResourceIdLookup(MongoRendering.Document(
            "{ '$or': [ { '$and': [ { 'type': 'Group' }, { 'search.displayName': 'ANN' } ] }, { '$and': [ { 'type': 'User' }, { '$or': [ " +
            "{ '$and': [ { 'search.displayName': { '$gt': '' } }, { 'search.displayName': 'ANN' } ] }, " +
            "{ '$and': [ { '$nor': [ { 'search.displayName': { '$gt': '' } } ] }, { 'search.userName': 'ANN' } ] } ] } ] } ] }"));

        var first = MongoFilterTranslator.LookupsOf(ScimResourceType.Group, filter);
        MongoRendering.Json(first.Should().ContainSingle().Which.Should().BeOfType<ResourceIdLookup>().Subject.Filter).Should().Be(MongoRendering.Json(named.Filter));
        first[0].Should().Be(named);

        var resolved = new Dictionary<MongoLookup, IReadOnlyCollection<string>> { [named] = ["u1", "u2"] };
        var second = MongoFilterTranslator.LookupsOf(ScimResourceType.Group, filter, resolved);
        MongoRendering.Json(second.Should().ContainSingle().Subject.Filter).Should().Be(MongoRendering.Expected(
            "{ '$and': [ { 'memberId': { '$in': ['u1', 'u2'] } }, { 'memberType': { '$in': ['User'] } } ] }"));

        resolved[second[0]] = ["g9"];
        MongoFilterTranslator.LookupsOf(ScimResourceType.Group, filter, resolved).Should().BeEmpty();
        MongoRendering.Json(new MongoFilterTranslator(ScimResourceType.Group, l => resolved.GetValueOrDefault(l)).Translate(filter))
            .Should().Be(MongoRendering.Expected("{ 'resourceId': { '$in': ['g9'] } }"));
    }

    [Fact]
    public void A_users_groups_display_is_the_groups_display_name()
    {
        var lookups = MongoFilterTranslator.LookupsOf(ScimResourceType.User, ScimFilterParser.Parse("groups.display sw \"eng\"", ScimResourceType.User));

        var lookup = lookups.Should().ContainSingle().Which.Should().BeOfType<ResourceIdLookup>().Subject;
        MongoRendering.Json(lookup.Filter).Should().Be(MongoRendering.Expected("{ '$and': [ { 'type': 'Group' }, { 'search.displayName': /^ENG/ } ] }"));
        lookup.IdField.Should().Be("resourceId");
    }

    [Fact]
    public void Translating_before_every_lookup_is_resolved_is_refused()
    {
        var act = () => new MongoFilterTranslator(ScimResourceType.Group, _ => null).Translate(ScimFilterParser.Parse("members pr", ScimResourceType.Group));

        act.Should().Throw<InvalidOperationException>();
    }
}
