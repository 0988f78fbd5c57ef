using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Credentials;
using AutoRfpHex.Core.Credentials.ScimAuthentication;
using AutoRfpHex.Core.Credentials.SecretKeys;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Tests.Credentials;

public sealed class ScimCredentialAuthenticatorTests
{
    private const string Org = CredentialsHarness.OrganizationId;

    private static async Task<(CredentialsHarness Harness, OAuthClient Client, CreatedClientSecret Secret)> ReadyAsync(
        DeploymentEnvironment environment = DeploymentEnvironment.Production)
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync("Okta SCIM Production", environment);
        return (harness, client, await harness.CreateSecretAsync(client));
    }

    private static void ShouldBeUnauthenticated(ScimAuthenticationResult result)
    {
        result.Succeeded.Should().BeFalse();
        result.Failure!.Status.Should().Be(401);
        result.Failure.BearerError.Should().Be("invalid_token");
    }

    [Fact]
    public async Task Access_token_authenticates_as_the_client_and_its_impersonated_admin()
    {
        var (harness, client, secret) = await ReadyAsync();
        var token = await harness.RequestTokenAsync(client.ClientId, secret.SecretKey);

        var result = await harness.AuthenticateBearerAsync(token.AccessToken);

        result.Principal.Should().Be(
            new ScimPrincipal(client.Tenant, client.ClientId, secret.Secret.SecretId, harness.AdminId) { Via = ScimCredentialKind.AccessToken });
    }

    [Fact]
    public async Task Secret_key_as_bearer_authenticates_directly()
    {
        var (harness, client, secret) = await ReadyAsync();

        var result = await harness.AuthenticateBearerAsync(secret.SecretKey);

        result.Principal.Should().Be(
            new ScimPrincipal(client.Tenant, client.ClientId, secret.Secret.SecretId, harness.AdminId) { Via = ScimCredentialKind.SecretKey });
    }

    [Fact]
    public async Task Basic_client_id_and_secret_authenticates()
    {
        var (harness, client, secret) = await ReadyAsync();

        var result = await harness.AuthenticateBasicAsync(client.ClientId, secret.SecretKey);

        result.Principal!.ClientId.Should().Be(client.ClientId);
        result.Principal.Via.Should().Be(ScimCredentialKind.Basic);
    }

    [Fact]
    public async Task Sandbox_credential_opens_the_sandbox_tenant_only()
    {
        var (harness, client, secret) = await ReadyAsync(DeploymentEnvironment.Sandbox);

        var result = await harness.AuthenticateBearerAsync(secret.SecretKey);

        result.Principal!.Tenant.Should().Be(new Tenant(Org, DeploymentEnvironment.Sandbox));
        result.Principal.ImpersonatedUserId.Should().Be(harness.AdminId);
        client.Environment.Should().Be(DeploymentEnvironment.Sandbox);
    }

    [Fact]
    public async Task Basic_with_another_clients_id_is_refused()
    {
        var (harness, _, secret) = await ReadyAsync();
        var other = await harness.CreateClientAsync("Other");

        ShouldBeUnauthenticated(await harness.AuthenticateBasicAsync(other.ClientId, secret.SecretKey));
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")]
    [InlineData("")]
    public async Task Junk_bearer_is_unauthenticated_with_invalid_token(string token)
    {
        var (harness, _, _) = await ReadyAsync();

        var result = await harness.AuthenticateBearerAsync(token);

        ShouldBeUnauthenticated(result);
        result.Failure!.Detail.Should().StartWith("The bearer token is not valid");
    }

    [Fact]
    public async Task Basic_with_malformed_secret_is_unauthenticated()
    {
        var (harness, client, _) = await ReadyAsync();

        ShouldBeUnauthenticated(await harness.AuthenticateBasicAsync(client.ClientId, "password"));
    }

    [Fact]
    public async Task Well_formed_key_with_unknown_key_id_fails_without_hashing()
    {
        var (harness, _, _) = await ReadyAsync();
        var before = harness.Hasher.Verifications;

        ShouldBeUnauthenticated(await harness.AuthenticateBearerAsync(SecretKeyFormat.Generate(DeploymentEnvironment.Production).Value));

        harness.Hasher.Verifications.Should().Be(before);
    }

    [Fact]
    public async Task Wrong_random_part_for_a_real_key_id_is_refused_and_never_cached()
    {
        var (harness, client, secret) = await ReadyAsync();
        SecretKeyFormat.TryParse(secret.SecretKey, out var key).Should().BeTrue();
        var forged = SecretKeyFormat.Compose(DeploymentEnvironment.Production, key!.KeyId, SecretKeyFormat.Generate(DeploymentEnvironment.Production).RandomPart);

        var first = await harness.AuthenticateBearerAsync(forged.Value);
        var second = await harness.AuthenticateBearerAsync(forged.Value);

        ShouldBeUnauthenticated(first);
        ShouldBeUnauthenticated(second);
        first.Failure!.Client.Should().Be(client, "the key id names the client, so the refusal can be logged for its organization");
        harness.Hasher.Verifications.Should().Be(2);
    }

    [Fact]
    public async Task Test_key_for_a_production_client_fails()
    {
        var (harness, _, secret) = await ReadyAsync();
        SecretKeyFormat.TryParse(secret.SecretKey, out var key).Should().BeTrue();
        var wrongEnvironment = SecretKeyFormat.Compose(DeploymentEnvironment.Sandbox, key!.KeyId, key.RandomPart).Value;

        wrongEnvironment.Should().StartWith("arfp_test_");
        ShouldBeUnauthenticated(await harness.AuthenticateBearerAsync(wrongEnvironment));
    }

    [Fact]
    public async Task Direct_mode_runs_the_slow_hash_once_for_many_calls()
    {
        var (harness, client, secret) = await ReadyAsync();

        for (var i = 0; i < 20; i++)
        {
            (await harness.AuthenticateBearerAsync(secret.SecretKey)).Succeeded.Should().BeTrue();
            (await harness.AuthenticateBasicAsync(client.ClientId, secret.SecretKey)).Succeeded.Should().BeTrue();
            harness.Time.Advance(TimeSpan.FromSeconds(1));
        }

        harness.Hasher.Verifications.Should().Be(1);
    }

    [Fact]
    public async Task Verified_secret_is_hashed_again_after_the_cache_lifetime()
    {
        var (harness, _, secret) = await ReadyAsync();
        await harness.AuthenticateBearerAsync(secret.SecretKey);

        harness.Time.Advance(harness.VerifiedSecrets.Lifetime - TimeSpan.FromSeconds(1));
        await harness.AuthenticateBearerAsync(secret.SecretKey);
        harness.Hasher.Verifications.Should().Be(1);

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        (await harness.AuthenticateBearerAsync(secret.SecretKey)).Succeeded.Should().BeTrue();
        harness.Hasher.Verifications.Should().Be(2);
    }

    [Fact]
    public async Task Access_tokens_never_need_the_slow_hash()
    {
        var (harness, client, secret) = await ReadyAsync();
        var token = await harness.RequestTokenAsync(client.ClientId, secret.SecretKey);
        var afterToken = harness.Hasher.Verifications;

        for (var i = 0; i < 5; i++)
        {
            (await harness.AuthenticateBearerAsync(token.AccessToken)).Succeeded.Should().BeTrue();
        }

        harness.Hasher.Verifications.Should().Be(afterToken);
    }

    [Fact]
    public async Task Expired_access_token_is_unauthenticated()
    {
        var (harness, client, secret) = await ReadyAsync();
        var token = await harness.RequestTokenAsync(client.ClientId, secret.SecretKey);

        harness.Time.Advance(TimeSpan.FromMinutes(60));

        ShouldBeUnauthenticated(await harness.AuthenticateBearerAsync(token.AccessToken));
    }

    [Fact]
    public async Task Access_token_stops_when_its_secret_is_superseded_without_grace()
    {
        var (harness, client, secret) = await ReadyAsync();
        var token = await harness.RequestTokenAsync(client.ClientId, secret.SecretKey);
        (await harness.AuthenticateBearerAsync(token.AccessToken)).Succeeded.Should().BeTrue();

        await harness.CreateSecretAsync(client, "Rotated");

        var result = await harness.AuthenticateBearerAsync(token.AccessToken);
        ShouldBeUnauthenticated(result);
        result.Failure!.Detail.Should().Be(
            "The credential no longer works: the secret key 'Production Secret Key' "
            + $"({secret.Secret.Hint}) expired at 2026-12-01 09:00:00 UTC (client 'Okta SCIM Production'). "
            + "Create a new secret key and update it in your identity provider.");
    }

    [Fact]
    public async Task Revocation_on_another_instance_takes_effect_within_the_state_cache_lifetime()
    {
        var (harness, client, secret) = await ReadyAsync();
        var token = await harness.RequestTokenAsync(client.ClientId, secret.SecretKey);
        (await harness.AuthenticateBearerAsync(token.AccessToken)).Succeeded.Should().BeTrue();
        (await harness.AuthenticateBearerAsync(secret.SecretKey)).Succeeded.Should().BeTrue();
        var stored = harness.Secrets.All.Single();

        harness.Secrets.Replace(stored with { RevokedAt = harness.Time.GetUtcNow() });

        (await harness.AuthenticateBearerAsync(secret.SecretKey)).Succeeded.Should().BeTrue("this instance still holds a copy younger than the cache lifetime");
        harness.PassStateCacheLifetime();
        harness.StateCache.Lifetime.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(5));
        ShouldBeUnauthenticated(await harness.AuthenticateBearerAsync(secret.SecretKey));
        ShouldBeUnauthenticated(await harness.AuthenticateBearerAsync(token.AccessToken));
    }

    [Fact]
    public async Task Scim_switched_off_on_another_instance_forbids_calls_within_seconds()
    {
        var (harness, _, secret) = await ReadyAsync();
        (await harness.AuthenticateBearerAsync(secret.SecretKey)).Succeeded.Should().BeTrue();

        await harness.Organizations.SetScimEnabledAsync(Org, false, default);
        harness.PassStateCacheLifetime();

        var result = await harness.AuthenticateBearerAsync(secret.SecretKey);
        result.Failure!.Status.Should().Be(403);
        result.Failure.BearerError.Should().BeNull();
        result.Failure.Detail.Should().StartWith("SCIM provisioning is turned off for this organization in AutoRFP");
    }

    [Fact]
    public async Task Deactivated_impersonated_admin_forbids_calls_with_a_detail_naming_user_and_client()
    {
        var (harness, client, secret) = await ReadyAsync();
        (await harness.AuthenticateBearerAsync(secret.SecretKey)).Succeeded.Should().BeTrue();

        harness.Users.SetActive(CredentialsHarness.Production(), harness.AdminId, false);
        harness.PassStateCacheLifetime();

        var result = await harness.AuthenticateBasicAsync(client.ClientId, secret.SecretKey);
        result.Failure!.Status.Should().Be(403);
        result.Failure.Client.Should().Be(client);
        result.Failure.Detail.Should().Be(
            "The impersonated user 'admin@acme.test' is not an active Admin in AutoRFP (they are deactivated); "
            + "reactivate them, or create a new client that impersonates an active Admin instead of client 'Okta SCIM Production'.");
    }

    [Fact]
    public async Task Deleted_impersonated_user_forbids_calls()
    {
        var (harness, client, secret) = await ReadyAsync();
        await harness.Users.DeleteAsync(CredentialsHarness.Production(), ScimResourceType.User, harness.AdminId, null, default);

        var result = await harness.AuthenticateBearerAsync(secret.SecretKey);

        result.Failure!.Status.Should().Be(403);
        result.Failure.Detail.Should().Be(
            $"The impersonated user (id '{harness.AdminId}') of client '{client.Name}' no longer exists in AutoRFP; create a new client that impersonates an active Admin.");
    }

    [Fact]
    public async Task Promoting_the_user_again_restores_access()
    {
        var (harness, _, secret) = await ReadyAsync();
        await harness.AddUserAsync("second-admin@acme.test", AccountRole.Admin);
        await harness.AccountService.ChangeRoleAsync(Org, harness.AdminId, AccountRole.Member, default);
        (await harness.AuthenticateBearerAsync(secret.SecretKey)).Failure!.Status.Should().Be(403);

        await harness.AccountService.ChangeRoleAsync(Org, harness.AdminId, AccountRole.Admin, default);

        (await harness.AuthenticateBearerAsync(secret.SecretKey)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Rotation_stops_a_cached_old_key_at_once_on_this_instance()
    {
        var (harness, client, secret) = await ReadyAsync();
        (await harness.AuthenticateBearerAsync(secret.SecretKey)).Succeeded.Should().BeTrue();

        var replacement = await harness.CreateSecretAsync(client, "Rotated");

        ShouldBeUnauthenticated(await harness.AuthenticateBearerAsync(secret.SecretKey));
        (await harness.AuthenticateBearerAsync(replacement.SecretKey)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Deleted_client_access_token_is_unauthenticated()
    {
        var (harness, client, secret) = await ReadyAsync();
        var token = await harness.RequestTokenAsync(client.ClientId, secret.SecretKey);

        await harness.ClientService.DeleteAsync(Org, client.ClientId, default);

        var result = await harness.AuthenticateBearerAsync(token.AccessToken);
        ShouldBeUnauthenticated(result);
        result.Failure!.Detail.Should().Contain("no longer exists");
    }

    [Fact]
    public async Task Successful_calls_record_last_use_at_most_once_a_minute()
    {
        var (harness, _, secret) = await ReadyAsync();

        for (var i = 0; i < 10; i++)
        {
            await harness.AuthenticateBearerAsync(secret.SecretKey);
            harness.Time.Advance(TimeSpan.FromSeconds(5));
        }

        harness.Secrets.RecordUseCalls.Should().Be(1);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.AuthenticateBearerAsync(secret.SecretKey);
        harness.Secrets.RecordUseCalls.Should().Be(2);
    }

    [Fact]
    public async Task Failed_calls_record_no_use()
    {
        var (harness, client, secret) = await ReadyAsync();
        await harness.SecretService.RevokeAsync(Org, client.ClientId, secret.Secret.SecretId, default);

        await harness.AuthenticateBearerAsync(secret.SecretKey);

        harness.Secrets.RecordUseCalls.Should().Be(0);
    }
}
