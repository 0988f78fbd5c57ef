using System.Text;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Credentials;
using AutoRfpHex.Core.Credentials.OAuth;
using AutoRfpHex.Core.Credentials.SecretKeys;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Tests.Credentials;

public sealed class TokenServiceTests
{
    private const string Org = CredentialsHarness.OrganizationId;

    private static string Basic(string id, string secret) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(id)}:{Uri.EscapeDataString(secret)}"));

    private static async Task<(CredentialsHarness Harness, OAuthClient Client, CreatedClientSecret Secret)> ReadyAsync()
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync();
        return (harness, client, await harness.CreateSecretAsync(client));
    }

    private static async Task<OAuthException> Refused(CredentialsHarness harness, TokenRequest request) =>
        (await harness.Invoking(h => h.TokenService.IssueAsync(request, default)).Should().ThrowAsync<OAuthException>()).Which;

    [Fact]
    public async Task Client_secret_post_gets_a_60_minute_scim_token()
    {
        var (harness, client, secret) = await ReadyAsync();

        var response = await harness.TokenService.IssueAsync(new TokenRequest("client_credentials", null, null, client.ClientId, secret.SecretKey), default);

        response.TokenType.Should().Be("Bearer");
        response.ExpiresIn.Should().Be(3600);
        response.Scope.Should().Be("scim");
        response.Client.Should().Be(client);
        response.SecretId.Should().Be(secret.Secret.SecretId);
        harness.Tokens.Requests.Should().ContainSingle().Which.Should().Be(
            new Core.Credentials.Tokens.AccessTokenRequest(client.ClientId, new Tenant(Org, DeploymentEnvironment.Production), secret.Secret.SecretId, "scim", TimeSpan.FromMinutes(60)));
        harness.Tokens.Validate(response.AccessToken).Should().NotBeNull();
        response.ToString().Should().NotContain(response.AccessToken);
    }

    [Fact]
    public async Task Client_secret_basic_gets_a_token()
    {
        var (harness, client, secret) = await ReadyAsync();

        var response = await harness.TokenService.IssueAsync(
            new TokenRequest("client_credentials", "scim", Basic(client.ClientId, secret.SecretKey), null, null), default);

        response.AccessToken.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Identical_credentials_in_header_and_body_are_accepted_as_entra_both_sends_them()
    {
        var (harness, client, secret) = await ReadyAsync();

        var response = await harness.TokenService.IssueAsync(
            new TokenRequest("client_credentials", null, Basic(client.ClientId, secret.SecretKey), client.ClientId, secret.SecretKey), default);

        response.AccessToken.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Basic_header_with_client_id_repeated_in_body_is_accepted()
    {
        var (harness, client, secret) = await ReadyAsync();

        var response = await harness.TokenService.IssueAsync(
            new TokenRequest("client_credentials", null, Basic(client.ClientId, secret.SecretKey), client.ClientId, null), default);

        response.AccessToken.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Different_credentials_in_header_and_body_are_an_invalid_request()
    {
        var (harness, client, secret) = await ReadyAsync();
        var other = await harness.CreateSecretAsync(client, "Other", grace: TimeSpan.FromDays(1));

        var refusal = await Refused(harness, new TokenRequest("client_credentials", null, Basic(client.ClientId, secret.SecretKey), client.ClientId, other.SecretKey));

        refusal.Error.Should().Be("invalid_request");
        refusal.HttpStatus.Should().Be(400);
        refusal.Description.Should().Contain("differ");
        harness.Tokens.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Missing_grant_type_is_an_invalid_request(string? grantType)
    {
        var (harness, client, secret) = await ReadyAsync();

        var refusal = await Refused(harness, new TokenRequest(grantType, null, null, client.ClientId, secret.SecretKey));

        refusal.Error.Should().Be("invalid_request");
        refusal.Description.Should().Be("The grant_type parameter is required; use grant_type=client_credentials.");
    }

    [Theory]
    [InlineData("password")]
    [InlineData("authorization_code")]
    [InlineData("Client_Credentials")]
    public async Task Other_grant_types_are_unsupported(string grantType)
    {
        var (harness, client, secret) = await ReadyAsync();

        var refusal = await Refused(harness, new TokenRequest(grantType, null, null, client.ClientId, secret.SecretKey));

        refusal.Error.Should().Be("unsupported_grant_type");
        refusal.HttpStatus.Should().Be(400);
    }

    [Theory]
    [InlineData("scim.write")]
    [InlineData("scim openid")]
    public async Task Scopes_other_than_scim_are_invalid(string scope)
    {
        var (harness, client, secret) = await ReadyAsync();

        var refusal = await Refused(harness, new TokenRequest("client_credentials", scope, null, client.ClientId, secret.SecretKey));

        refusal.Error.Should().Be("invalid_scope");
        refusal.Description.Should().EndWith("the only scope is 'scim'.");
    }

    [Theory]
    [InlineData("scim")]
    [InlineData(" scim  scim ")]
    [InlineData("")]
    public async Task Scim_scope_or_none_is_granted_as_scim(string scope)
    {
        var (harness, client, secret) = await ReadyAsync();

        (await harness.RequestTokenAsync(client.ClientId, secret.SecretKey, scope)).Scope.Should().Be("scim");
    }

    [Fact]
    public async Task Missing_credentials_are_an_invalid_client()
    {
        var (harness, client, _) = await ReadyAsync();

        var refusal = await Refused(harness, new TokenRequest("client_credentials", null, null, client.ClientId, null));

        refusal.Error.Should().Be("invalid_client");
        refusal.HttpStatus.Should().Be(401);
        refusal.Description.Should().StartWith("Client authentication is required");
    }

    [Fact]
    public async Task Non_basic_authorization_header_is_an_invalid_client()
    {
        var (harness, _, secret) = await ReadyAsync();

        var refusal = await Refused(harness, new TokenRequest("client_credentials", null, "Bearer " + secret.SecretKey, null, null));

        refusal.Error.Should().Be("invalid_client");
        refusal.HttpStatus.Should().Be(401);
    }

    [Fact]
    public async Task Every_authentication_failure_gets_the_identical_invalid_client_answer()
    {
        var (harness, client, secret) = await ReadyAsync();
        var sandbox = await harness.CreateClientAsync("Sandbox", DeploymentEnvironment.Sandbox);
        var sandboxSecret = await harness.CreateSecretAsync(sandbox);
        var otherClient = await harness.CreateClientAsync("Other");
        var otherSecret = await harness.CreateSecretAsync(otherClient);
        SecretKeyFormat.TryParse(secret.SecretKey, out var key).Should().BeTrue();
        var forged = SecretKeyFormat.Compose(DeploymentEnvironment.Production, key!.KeyId, SecretKeyFormat.Generate(DeploymentEnvironment.Production).RandomPart).Value;
        var wrongEnvironment = SecretKeyFormat.Compose(DeploymentEnvironment.Sandbox, key.KeyId, key.RandomPart).Value;

        var failures = new List<OAuthException>
        {
            await Refused(harness, Post("arfp_client_00000000000000000000", secret.SecretKey)),
            await Refused(harness, Post("not-a-client", secret.SecretKey)),
            await Refused(harness, Post(client.ClientId, forged)),
            await Refused(harness, Post(client.ClientId, "not-a-key")),
            await Refused(harness, Post(client.ClientId, wrongEnvironment)),
            await Refused(harness, Post(client.ClientId, sandboxSecret.SecretKey)),
            await Refused(harness, Post(client.ClientId, otherSecret.SecretKey)),
        };
        await harness.SecretService.RevokeAsync(Org, client.ClientId, secret.Secret.SecretId, default);
        failures.Add(await Refused(harness, Post(client.ClientId, secret.SecretKey)));
        var expiring = await harness.CreateSecretAsync(client, "Short", expiresIn: TimeSpan.FromDays(1));
        harness.Time.Advance(TimeSpan.FromDays(1));
        failures.Add(await Refused(harness, Post(client.ClientId, expiring.SecretKey)));
        var live = await harness.CreateSecretAsync(client, "Live");
        await harness.OrganizationService.SetScimProvisioningAsync(Org, false, default);
        failures.Add(await Refused(harness, Post(client.ClientId, live.SecretKey)));
        await harness.ClientService.DeleteAsync(Org, otherClient.ClientId, default);
        failures.Add(await Refused(harness, Post(otherClient.ClientId, otherSecret.SecretKey)));

        failures.Should().HaveCount(11).And.OnlyContain(f =>
            f.Error == "invalid_client" && f.HttpStatus == 401 && f.Description == TokenService.ClientAuthenticationFailed);
        harness.Tokens.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Refusal_of_a_known_client_names_it_and_its_reason_for_the_log_only()
    {
        var (harness, client, secret) = await ReadyAsync();
        await harness.SecretService.RevokeAsync(Org, client.ClientId, secret.Secret.SecretId, default);

        var refusal = await Refused(harness, Post(client.ClientId, secret.SecretKey));

        refusal.Client.Should().Be(client);
        refusal.LogReason.Should().Contain("'Production Secret Key'").And.Contain("was revoked at").And.NotContain(secret.SecretKey);
        refusal.Description.Should().Be(TokenService.ClientAuthenticationFailed);
    }

    [Fact]
    public async Task Unknown_client_or_key_still_costs_one_hash_verification()
    {
        var (harness, client, secret) = await ReadyAsync();
        var before = harness.Hasher.Verifications;

        await Refused(harness, Post("arfp_client_00000000000000000000", secret.SecretKey));
        await Refused(harness, Post(client.ClientId, SecretKeyFormat.Generate(DeploymentEnvironment.Production).Value));
        await Refused(harness, Post(client.ClientId, secret.SecretKey[..^1]));

        harness.Hasher.Verifications.Should().Be(before + 2, "unknown client and unknown key verify a dummy hash; a malformed key needs no hashing at all");
    }

    [Fact]
    public async Task Secret_of_a_sandbox_client_cannot_get_a_token_for_another_client()
    {
        var (harness, client, _) = await ReadyAsync();
        var sandbox = await harness.CreateClientAsync("Sandbox", DeploymentEnvironment.Sandbox);
        var sandboxSecret = await harness.CreateSecretAsync(sandbox);

        (await Refused(harness, Post(client.ClientId, sandboxSecret.SecretKey))).Error.Should().Be("invalid_client");
        (await harness.RequestTokenAsync(sandbox.ClientId, sandboxSecret.SecretKey)).Client.Environment.Should().Be(DeploymentEnvironment.Sandbox);
    }

    [Fact]
    public async Task Impersonated_user_who_is_no_longer_an_active_admin_makes_the_client_unauthorized_with_a_clear_reason()
    {
        var (harness, client, secret) = await ReadyAsync();
        await harness.AddUserAsync("second-admin@acme.test", AccountRole.Admin);
        await harness.AccountService.ChangeRoleAsync(Org, harness.AdminId, AccountRole.Member, default);

        var refusal = await Refused(harness, Post(client.ClientId, secret.SecretKey));

        refusal.Error.Should().Be("unauthorized_client");
        refusal.HttpStatus.Should().Be(400);
        refusal.Description.Should().Contain("'admin@acme.test' is not an active Admin").And.Contain("'Okta SCIM Production'");
    }

    [Fact]
    public async Task Last_use_is_recorded_at_most_once_a_minute()
    {
        var (harness, client, secret) = await ReadyAsync();

        await harness.RequestTokenAsync(client.ClientId, secret.SecretKey);
        await harness.RequestTokenAsync(client.ClientId, secret.SecretKey);
        harness.Time.Advance(TimeSpan.FromSeconds(59));
        await harness.RequestTokenAsync(client.ClientId, secret.SecretKey);
        harness.Secrets.RecordUseCalls.Should().Be(1);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await harness.RequestTokenAsync(client.ClientId, secret.SecretKey);

        harness.Secrets.RecordUseCalls.Should().Be(2);
        (await harness.SecretService.ListAsync(Org, client.ClientId, default)).Single().LastUsedAt.Should().Be(harness.Time.GetUtcNow());
    }

    [Fact]
    public async Task Client_secret_with_url_encoded_characters_in_basic_is_decoded()
    {
        var (harness, client, secret) = await ReadyAsync();
        var encodedHeader = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"{client.ClientId.Replace("_", "%5F", StringComparison.Ordinal)}:{secret.SecretKey}"));

        (await harness.TokenService.IssueAsync(new TokenRequest("client_credentials", null, encodedHeader, null, null), default))
            .AccessToken.Should().NotBeEmpty();
    }

    private static TokenRequest Post(string clientId, string secret) => new("client_credentials", null, null, clientId, secret);
}
