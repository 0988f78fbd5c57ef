using AutoRfpHex.Adapters.Mongo.Credentials;
using AutoRfpHex.Adapters.Mongo.ProvisioningLog;
using AutoRfpHex.Core.Credentials;
using AutoRfpHex.Core.ProvisioningLog;

namespace AutoRfpHex.Adapters.Mongo.Tests.Rendering;

public sealed class CredentialAndLogQueryRenderingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_secret_shortens_only_the_clients_other_usable_secrets_that_would_live_longer()
    {
        var secret = new ClientSecret("s-2", "c-1", "org-a", "rotation", "ab…yz", "hash", "bcrypt", Now, null, null, null);

        MongoClientSecretStore.SupersededBy(secret, Now.AddDays(1)).Render().ShouldRenderAs("""
            { org: 'org-a', clientId: 'c-1', _id: { $ne: 's-2' }, revokedAt: null,
              $or: [ { expiresAt: null }, { expiresAt: { $gt: ISODate('2026-03-03T09:30:00Z') } } ] }
            """);
    }

    [Fact]
    public void The_log_query_is_one_organization_with_the_optional_client_and_outcome_newest_first()
    {
        MongoProvisioningLog.Matching("org-a", new ProvisioningEventQuery(null, null, 1, 50)).Render().ShouldRenderAs("{ org: 'org-a' }");
        MongoProvisioningLog.Matching("org-a", new ProvisioningEventQuery("c-1", ProvisioningOutcome.Failure, 1, 50)).Render()
            .ShouldRenderAs("{ org: 'org-a', clientId: 'c-1', outcome: 'Failure' }");
        MongoProvisioningLog.NewestFirst.Render().ShouldRenderAs("{ time: -1, seq: -1 }");
    }

    [Fact]
    public void Retention_removes_every_organizations_events_before_the_cutoff_by_time()
    {
        MongoProvisioningLog.OlderThan(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)).Render()
            .ShouldRenderAs("{ time: { $lt: ISODate('2026-01-02T03:04:05Z') } }");
    }
}
