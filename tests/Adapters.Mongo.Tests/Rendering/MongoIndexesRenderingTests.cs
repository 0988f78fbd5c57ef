using AutoRfpHex.Adapters.Mongo.Database;
using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Tests.Rendering;

public sealed class MongoIndexesRenderingTests
{
    private static readonly MongoStorageOptions Options = new("mongodb://127.0.0.1:27017", "autorfphex") { ProvisioningLogRetention = TimeSpan.FromDays(30) };

    private static BsonDocument Index(string collection, string name) =>
        MongoIndexes.All(Options).Single(index => index.Collection == collection && index.Model.Options.Name == name).Model.Render();

    [Fact]
    public void UserName_is_unique_per_tenant_among_users_on_the_folded_search_view_without_a_collation()
    {
        Index(MongoCollectionNames.ScimResources, MongoIndexes.UserNameIndex).ShouldRenderAs("""
            { key: { org: 1, env: 1, 'search.userName': 1 }, name: 'tenant_search_userName_unique', unique: true,
              partialFilterExpression: { type: 'User' } }
            """);
    }

    [Fact]
    public void Group_displayName_is_unique_per_tenant_among_groups_on_the_folded_search_view_without_a_collation()
    {
        Index(MongoCollectionNames.ScimResources, MongoIndexes.GroupDisplayNameIndex).ShouldRenderAs("""
            { key: { org: 1, env: 1, 'search.displayName': 1 }, name: 'tenant_search_groupDisplayName_unique', unique: true,
              partialFilterExpression: { type: 'Group' } }
            """);
    }

    [Fact]
    public void Retired_indexes_are_not_among_the_current_ones_so_start_up_never_drops_what_it_just_created()
    {
        var current = MongoIndexes.All(Options).Select(index => (index.Collection, index.Model.Options.Name)).ToList();

        MongoIndexes.Retired.Should().NotBeEmpty().And.NotIntersectWith(current);
    }

    [Theory]
    [InlineData(MongoCollectionNames.ScimResources, "tenant_resourceId", "{ key: { org: 1, env: 1, resourceId: 1 }, name: 'tenant_resourceId', unique: true }")]
    [InlineData(MongoCollectionNames.ScimResources, "tenant_type_search_displayName", "{ key: { org: 1, env: 1, type: 1, 'search.displayName': 1 }, name: 'tenant_type_search_displayName' }")]
    [InlineData(MongoCollectionNames.ScimResources, "tenant_type_search_externalId", "{ key: { org: 1, env: 1, type: 1, 'search.externalId': 1 }, name: 'tenant_type_search_externalId' }")]
    [InlineData(MongoCollectionNames.ScimResources, "tenant_type_search_emails", "{ key: { org: 1, env: 1, type: 1, 'search.emails.value': 1 }, name: 'tenant_type_search_emails' }")]
    [InlineData(MongoCollectionNames.ScimResources, "tenant_type_created", "{ key: { org: 1, env: 1, type: 1, created: 1, resourceId: 1 }, name: 'tenant_type_created' }")]
    [InlineData(MongoCollectionNames.ScimResources, "tenant_type_role", "{ key: { org: 1, env: 1, type: 1, role: 1 }, name: 'tenant_type_role' }")]
    [InlineData(MongoCollectionNames.Memberships, "tenant_group_member", "{ key: { org: 1, env: 1, groupId: 1, memberId: 1 }, name: 'tenant_group_member', unique: true }")]
    [InlineData(MongoCollectionNames.Memberships, "tenant_member", "{ key: { org: 1, env: 1, memberId: 1 }, name: 'tenant_member' }")]
    [InlineData(MongoCollectionNames.Memberships, "tenant_groupFolded", "{ key: { org: 1, env: 1, groupIdFolded: 1 }, name: 'tenant_groupFolded' }")]
    [InlineData(MongoCollectionNames.ProvisioningLog, "org_time", "{ key: { org: 1, time: -1, seq: -1 }, name: 'org_time' }")]
    [InlineData(MongoCollectionNames.OAuthClients, "org", "{ key: { org: 1 }, name: 'org' }")]
    [InlineData(MongoCollectionNames.ClientSecrets, "org_client", "{ key: { org: 1, clientId: 1 }, name: 'org_client' }")]
    public void Lookup_indexes_lead_with_the_tenant(string collection, string name, string expected)
    {
        Index(collection, name).ShouldRenderAs(expected);
    }

    [Fact]
    public void Provisioning_events_expire_after_the_configured_retention()
    {
        Index(MongoCollectionNames.ProvisioningLog, "time_ttl").ShouldRenderAs(
            $"{{ key: {{ time: 1 }}, name: 'time_ttl', expireAfterSeconds: NumberLong({30 * 24 * 3600}) }}");
    }

    [Fact]
    public void Every_index_has_a_name_unique_in_its_collection_so_creating_them_again_is_a_no_op()
    {
        var indexes = MongoIndexes.All(Options);

        indexes.Should().OnlyContain(index => !string.IsNullOrEmpty(index.Model.Options.Name));
        indexes.GroupBy(index => (index.Collection, index.Model.Options.Name)).Should().OnlyContain(group => group.Count() == 1);
    }
}
