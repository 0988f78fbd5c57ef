using AutoRfpHex.Adapters.Mongo.Documents;
using AutoRfpHex.Core.Credentials;
using AutoRfpHex.Core.ProvisioningLog;
using AutoRfpHex.Core.Tenancy;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace AutoRfpHex.Adapters.Mongo.Tests.Rendering;

/// <summary>The document classes as stored: readable names, enums as names, times as BSON dates (the TTL index needs one).</summary>
public sealed class DocumentClassRenderingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private static BsonDocument Stored<T>(T document)
    {
        MongoDocumentConventions.EnsureRegistered();
        return document.ToBsonDocument();
    }

    [Fact]
    public void A_provisioning_event_is_stored_with_a_date_and_names_and_reads_back_equal()
    {
        var e = new ProvisioningEvent("e-1", Now, "org-a", DeploymentEnvironment.Production, "c-1", "u-1", "POST /Users", "User", "r-1",
            ProvisioningOutcome.Success, 201, null, ProvisioningChange.Created);

        var stored = Stored(ProvisioningEventDocument.From(e, 7));

        stored.ShouldRenderAs("""
            { _id: 'e-1', time: ISODate('2026-03-02T09:30:00Z'), seq: NumberLong(7), org: 'org-a', env: 'Production', clientId: 'c-1',
              impersonatedUserId: 'u-1', operation: 'POST /Users', resourceType: 'User', resourceId: 'r-1', outcome: 'Success', status: 201,
              errorDetail: null, change: 'Created' }
            """);
        BsonSerializer.Deserialize<ProvisioningEventDocument>(stored).ToEvent().Should().Be(e);
    }

    [Fact]
    public void An_event_without_environment_or_change_reads_back_equal()
    {
        var e = new ProvisioningEvent("e-2", Now, "org-a", null, null, null, "token", null, null, ProvisioningOutcome.Failure, 401, "bad secret");

        BsonSerializer.Deserialize<ProvisioningEventDocument>(Stored(ProvisioningEventDocument.From(e, 1))).ToEvent().Should().Be(e);
    }

    [Fact]
    public void Credentials_read_back_equal()
    {
        var client = new OAuthClient("c-1", "org-a", "Okta", DeploymentEnvironment.Sandbox, "u-1", Now);
        var secret = new ClientSecret("s-1", "c-1", "org-a", "first", "ab…yz", "hash", "bcrypt", Now, Now.AddDays(90), null, Now.AddDays(1));
        var key = new SigningKey("k-1", "ES256", "-----BEGIN PRIVATE KEY-----", Now, null);

        Stored(OAuthClientDocument.From(client))["env"].Should().Be(new BsonString("Sandbox"));
        BsonSerializer.Deserialize<OAuthClientDocument>(Stored(OAuthClientDocument.From(client))).ToClient().Should().Be(client);
        BsonSerializer.Deserialize<ClientSecretDocument>(Stored(ClientSecretDocument.From(secret))).ToSecret().Should().Be(secret);
        BsonSerializer.Deserialize<SigningKeyDocument>(Stored(SigningKeyDocument.From(key))).ToSigningKey().Should().Be(key);
    }
}
