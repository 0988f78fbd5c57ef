using AutoRfpHex.Core.Common;
using AutoRfpHex.Core.Credentials;
using AutoRfpHex.Core.Credentials.SecretKeys;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Tests.Credentials;

public sealed class ClientSecretServiceTests
{
    private const string Org = CredentialsHarness.OrganizationId;

    private static async Task<RequestRejectedException> Rejected(Func<Task> act) =>
        (await act.Should().ThrowAsync<RequestRejectedException>()).Which;

    [Fact]
    public async Task New_secret_is_returned_once_in_clear_with_its_metadata()
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync();

        var created = await harness.CreateSecretAsync(client, "  Production Secret Key ");

        SecretKeyFormat.TryParse(created.SecretKey, out var key).Should().BeTrue();
        key!.Environment.Should().Be(DeploymentEnvironment.Production);
        var now = harness.Time.GetUtcNow();
        created.Secret.Should().Be(new ClientSecretSummary(
            key.KeyId, client.ClientId, "Production Secret Key", key.Hint, now, now.AddDays(365), null, null, ClientSecretStatus.Active));
        created.ToString().Should().NotContain(created.SecretKey).And.NotContain(key.RandomPart);
    }

    [Fact]
    public async Task Only_the_hash_of_the_random_part_is_stored_never_the_secret()
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync();

        var created = await harness.CreateSecretAsync(client);

        SecretKeyFormat.TryParse(created.SecretKey, out var key).Should().BeTrue();
        var stored = harness.Secrets.All.Should().ContainSingle().Subject;
        var everything = string.Join("|", stored.GetType().GetProperties().Select(p => p.GetValue(stored)?.ToString()));
        everything.Should().NotContain(created.SecretKey).And.NotContain(key!.RandomPart).And.NotContain(key.RandomPart[..12]);
        stored.HashAlgorithm.Should().Be(harness.Hasher.Algorithm);
        harness.Hasher.Verify(key.RandomPart, stored.Hash).Should().BeTrue("the stored hash is of the random part");
        harness.Hasher.Verify(created.SecretKey, stored.Hash).Should().BeFalse();
    }

    [Fact]
    public async Task Listing_shows_metadata_only_and_never_the_secret()
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync();
        var created = await harness.CreateSecretAsync(client);

        var listed = await harness.SecretService.ListAsync(Org, client.ClientId, default);

        listed.Should().ContainSingle().Which.Should().Be(created.Secret);
        typeof(ClientSecretSummary).GetProperties().Select(p => p.Name).Should().NotContain(["Hash", "SecretKey", "Secret"]);
    }

    [Fact]
    public async Task Sandbox_client_gets_a_test_key()
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync("Sandbox", DeploymentEnvironment.Sandbox);

        (await harness.CreateSecretAsync(client)).SecretKey.Should().StartWith("arfp_test_");
    }

    [Fact]
    public async Task New_secret_invalidates_the_previous_one_at_once_by_default()
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync();
        var old = await harness.CreateSecretAsync(client, "Old");
        harness.Time.Advance(TimeSpan.FromHours(1));

        var replacement = await harness.CreateSecretAsync(client, "New");

        var listed = await harness.SecretService.ListAsync(Org, client.ClientId, default);
        listed.Select(s => (s.Name, s.Status)).Should().Equal(("New", ClientSecretStatus.Active), ("Old", ClientSecretStatus.Expired));
        listed[1].ExpiresAt.Should().Be(harness.Time.GetUtcNow());
        (await harness.AuthenticateBearerAsync(old.SecretKey)).Failure!.Status.Should().Be(401);
        (await harness.AuthenticateBearerAsync(replacement.SecretKey)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Previous_secret_keeps_working_during_the_grace_period_then_stops()
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync();
        var old = await harness.CreateSecretAsync(client, "Old");

        await harness.CreateSecretAsync(client, "New", grace: TimeSpan.FromHours(24));

        (await harness.AuthenticateBearerAsync(old.SecretKey)).Succeeded.Should().BeTrue();
        (await harness.RequestTokenAsync(client.ClientId, old.SecretKey)).AccessToken.Should().NotBeEmpty();
        harness.Time.Advance(TimeSpan.FromHours(24));
        (await harness.AuthenticateBearerAsync(old.SecretKey)).Failure!.Status.Should().Be(401);
    }

    [Fact]
    public async Task Grace_period_never_extends_a_secret_that_expires_sooner()
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync();
        var shortLived = await harness.CreateSecretAsync(client, "Short", expiresIn: TimeSpan.FromDays(1));

        await harness.CreateSecretAsync(client, "New", grace: TimeSpan.FromDays(7));

        var listed = await harness.SecretService.ListAsync(Org, client.ClientId, default);
        listed.Single(s => s.Name == "Short").ExpiresAt.Should().Be(shortLived.Secret.ExpiresAt);
    }

    [Fact]
    public async Task Name_may_be_reused_when_the_previous_secret_dies_now()
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync();
        await harness.CreateSecretAsync(client, "Production Secret Key");

        var again = await harness.CreateSecretAsync(client, "production secret key");

        again.Secret.Status.Should().Be(ClientSecretStatus.Active);
    }

    [Fact]
    public async Task Name_must_differ_from_secrets_that_stay_usable_during_a_grace_period()
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync();
        var old = await harness.CreateSecretAsync(client, "Production Secret Key");

        var rejection = await Rejected(() => harness.CreateSecretAsync(client, "PRODUCTION SECRET KEY", grace: TimeSpan.FromDays(1)));

        rejection.Kind.Should().Be(RejectionKind.Conflict);
        rejection.Detail.Should().Be($"The secret key 'Production Secret Key' ({old.Secret.Hint}) stays usable during the grace period; give the new secret key another name.");
        harness.Secrets.All.Should().ContainSingle("nothing is written");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Secret_name_is_required(string name)
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync();

        (await Rejected(() => harness.CreateSecretAsync(client, name))).Detail.Should().Be("The secret key name is required.");
    }

    [Fact]
    public async Task Secret_name_is_at_most_100_characters()
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync();

        (await Rejected(() => harness.CreateSecretAsync(client, new string('s', 101)))).Kind.Should().Be(RejectionKind.Invalid);
    }

    [Theory]
    [InlineData(1.0, true)]
    [InlineData(1096.0, true)]
    [InlineData(0.99, false)]
    [InlineData(1097.0, false)]
    [InlineData(-1.0, false)]
    public async Task Expiry_is_between_one_day_and_three_years(double days, bool allowed)
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync();

        var act = () => harness.CreateSecretAsync(client, expiresIn: TimeSpan.FromDays(days));

        if (allowed)
        {
            (await act()).Secret.ExpiresAt.Should().Be(harness.Time.GetUtcNow() + TimeSpan.FromDays(days));
        }
        else
        {
            (await Rejected(act)).Detail.Should().Be("A secret key must expire between 1 day and 3 years from now.");
        }
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(7.01)]
    public async Task Grace_period_is_at_most_seven_days(double days)
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync();

        var rejection = await Rejected(() => harness.CreateSecretAsync(client, grace: TimeSpan.FromDays(days)));

        rejection.Detail.Should().Be("The grace period for the previous secret keys must be between 0 and 7 days.");
    }

    [Fact]
    public async Task Expired_secret_stops_working()
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync();
        var secret = await harness.CreateSecretAsync(client, expiresIn: TimeSpan.FromDays(1));
        harness.Time.Advance(TimeSpan.FromDays(1));

        var result = await harness.AuthenticateBearerAsync(secret.SecretKey);

        result.Failure!.Status.Should().Be(401);
        result.Failure.Detail.Should().Contain("expired at 2026-12-02 09:00:00 UTC");
        (await harness.SecretService.ListAsync(Org, client.ClientId, default)).Single().Status.Should().Be(ClientSecretStatus.Expired);
    }

    [Fact]
    public async Task Revoked_secret_stops_at_once_and_is_listed_as_revoked()
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync();
        var secret = await harness.CreateSecretAsync(client);
        var token = await harness.RequestTokenAsync(client.ClientId, secret.SecretKey);
        (await harness.AuthenticateBearerAsync(secret.SecretKey)).Succeeded.Should().BeTrue();

        var revoked = await harness.SecretService.RevokeAsync(Org, client.ClientId, secret.Secret.SecretId, default);

        revoked.Status.Should().Be(ClientSecretStatus.Revoked);
        revoked.RevokedAt.Should().Be(harness.Time.GetUtcNow());
        (await harness.AuthenticateBearerAsync(secret.SecretKey)).Failure!.Detail.Should().Contain("was revoked at");
        (await harness.AuthenticateBearerAsync(token.AccessToken)).Failure!.Status.Should().Be(401);
    }

    [Fact]
    public async Task Revoking_twice_keeps_the_first_time()
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync();
        var secret = await harness.CreateSecretAsync(client);
        var first = await harness.SecretService.RevokeAsync(Org, client.ClientId, secret.Secret.SecretId, default);
        harness.Time.Advance(TimeSpan.FromHours(1));

        var second = await harness.SecretService.RevokeAsync(Org, client.ClientId, secret.Secret.SecretId, default);

        second.RevokedAt.Should().Be(first.RevokedAt);
    }

    [Fact]
    public async Task Revoking_an_unknown_secret_or_another_clients_secret_is_not_found()
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync();
        var other = await harness.CreateClientAsync("Other");
        var secret = await harness.CreateSecretAsync(other);

        var rejection = await Rejected(() => harness.SecretService.RevokeAsync(Org, client.ClientId, secret.Secret.SecretId, default));

        rejection.Kind.Should().Be(RejectionKind.NotFound);
        rejection.Detail.Should().Be($"Client 'Okta SCIM Production' has no secret key '{secret.Secret.SecretId}'.");
    }

    [Fact]
    public async Task Secrets_of_another_organizations_client_are_not_found()
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync();
        var secret = await harness.CreateSecretAsync(client);
        await harness.AddOrganizationAsync("other", true);

        (await Rejected(() => harness.SecretService.ListAsync("other", client.ClientId, default))).Kind.Should().Be(RejectionKind.NotFound);
        (await Rejected(() => harness.SecretService.CreateAsync("other", client.ClientId, "x", null, null, default))).Kind.Should().Be(RejectionKind.NotFound);
        (await Rejected(() => harness.SecretService.RevokeAsync("other", client.ClientId, secret.Secret.SecretId, default))).Kind.Should().Be(RejectionKind.NotFound);
        harness.Secrets.All.Should().ContainSingle().Which.RevokedAt.Should().BeNull();
    }

    [Fact]
    public async Task Creating_a_secret_while_scim_is_off_is_refused_but_listing_and_revoking_work()
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync();
        var secret = await harness.CreateSecretAsync(client);
        await harness.OrganizationService.SetScimProvisioningAsync(Org, false, default);

        var rejection = await Rejected(() => harness.CreateSecretAsync(client, "Another"));

        rejection.Kind.Should().Be(RejectionKind.Conflict);
        rejection.Detail.Should().Be("SCIM provisioning is turned off for this organization; turn it on before managing credentials.");
        (await harness.SecretService.ListAsync(Org, client.ClientId, default)).Should().ContainSingle();
        (await harness.SecretService.RevokeAsync(Org, client.ClientId, secret.Secret.SecretId, default)).Status.Should().Be(ClientSecretStatus.Revoked);
    }
}
