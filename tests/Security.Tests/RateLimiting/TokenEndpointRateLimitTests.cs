using System.Net;
using AutoRfpHex.Core.Credentials.SecretKeys;
using AutoRfpHex.Security.Tests.Hosting;

namespace AutoRfpHex.Security.Tests.RateLimiting;

/// <summary>RFC 6749 §2.3.1: the token endpoint is protected against brute force, and against CPU burn through BCrypt.</summary>
public sealed class TokenEndpointRateLimitTests(LimitedHostFixture fixture) : IClassFixture<LimitedHostFixture>
{
    private const int Limit = LimitedHostFixture.PerCredential;
    private readonly SecurityHost host = fixture.Host;

    [Fact]
    public async Task Wrong_secrets_for_one_client_get_429_with_retry_after_once_the_limit_is_spent()
    {
        var connection = await host.ConnectAsync(await host.CreateOrganizationAsync());
        using var attacker = host.CreateHttpClient(Addresses.Next());
        for (var i = 0; i < Limit; i++)
        {
            using var refused = await attacker.RequestTokenAsync(connection.ClientId, SecretKeys.WrongSecretFor(connection.Secret));
            refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "attempt {0} is within the limit", i + 1);
        }

        using var limited = await attacker.RequestTokenAsync(connection.ClientId, SecretKeys.WrongSecretFor(connection.Secret));

        var body = await limited.ShouldBeTooManyRequestsAsync(LimitedHostFixture.WindowSeconds);
        limited.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        limited.Headers.CacheControl!.NoStore.Should().BeTrue("RFC 6749 §5.1: token endpoint answers are not cached");
        ((string?)body["error"]).Should().Be("temporarily_unavailable");
        ((string?)body["error_description"]).Should().Contain("Too many token requests for this client id").And.Contain("Retry after");
    }

    [Fact]
    public async Task Client_id_in_the_form_is_counted_like_the_basic_header()
    {
        var connection = await host.ConnectAsync(await host.CreateOrganizationAsync());
        using var attacker = host.CreateHttpClient(Addresses.Next());
        for (var i = 0; i < Limit; i++)
        {
            using var viaHeader = await attacker.RequestTokenAsync(connection.ClientId, SecretKeys.WrongSecretFor(connection.Secret));
            viaHeader.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        using var viaForm = await attacker.RequestTokenInFormAsync(connection.ClientId, SecretKeys.WrongSecretFor(connection.Secret));

        await viaForm.ShouldBeTooManyRequestsAsync(LimitedHostFixture.WindowSeconds);
    }

    [Fact]
    public async Task Refused_requests_check_no_secret()
    {
        var connection = await host.ConnectAsync(await host.CreateOrganizationAsync());
        using var attacker = host.CreateHttpClient(Addresses.Next());
        for (var i = 0; i < Limit; i++)
        {
            (await attacker.RequestTokenAsync(connection.ClientId, SecretKeys.WrongSecretFor(connection.Secret))).Dispose();
        }

        var checksBefore = host.SecretChecks.Verifications;
        for (var i = 0; i < 5; i++)
        {
            using var limited = await attacker.RequestTokenAsync(connection.ClientId, SecretKeys.WrongSecretFor(connection.Secret));
            limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        }

        host.SecretChecks.Verifications.Should().Be(checksBefore, "a refused request is answered before BCrypt runs");
    }

    [Fact]
    public async Task Another_client_at_the_same_address_still_gets_its_token()
    {
        var organization = await host.CreateOrganizationAsync();
        var attacked = await host.ConnectAsync(organization);
        var legitimate = await host.ConnectAsync(organization);
        using var sameAddress = host.CreateHttpClient(Addresses.Next());
        for (var i = 0; i <= Limit; i++)
        {
            (await sameAddress.RequestTokenAsync(attacked.ClientId, SecretKeys.WrongSecretFor(attacked.Secret))).Dispose();
        }

        using var response = await sameAddress.RequestTokenAsync(legitimate.ClientId, legitimate.Secret);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_attacker_elsewhere_cannot_lock_the_client_out()
    {
        var connection = await host.ConnectAsync(await host.CreateOrganizationAsync());
        using var attacker = host.CreateHttpClient(Addresses.Next());
        for (var i = 0; i <= Limit; i++)
        {
            (await attacker.RequestTokenAsync(connection.ClientId, SecretKeys.WrongSecretFor(connection.Secret))).Dispose();
        }

        using var fromAttacker = await attacker.RequestTokenAsync(connection.ClientId, connection.Secret);
        using var identityProvider = host.CreateHttpClient(Addresses.Next());
        using var fromIdentityProvider = await identityProvider.RequestTokenAsync(connection.ClientId, connection.Secret);

        fromAttacker.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "every token request counts, right or wrong");
        fromIdentityProvider.StatusCode.Should().Be(HttpStatusCode.OK, "client ids are not secret, so counters are per address too");
    }

    [Fact]
    public async Task One_address_naming_many_clients_is_limited_as_an_address()
    {
        using var attacker = host.CreateHttpClient(Addresses.Next());
        for (var i = 0; i < LimitedHostFixture.PerAddress; i++)
        {
            using var refused = await attacker.RequestTokenAsync(OAuthClientIds.New(), SecretKeys.Unknown());
            refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "request {0} is within the address limit", i + 1);
        }

        using var limited = await attacker.RequestTokenAsync(OAuthClientIds.New(), SecretKeys.Unknown());

        var body = await limited.ShouldBeTooManyRequestsAsync(LimitedHostFixture.WindowSeconds);
        ((string?)body["error_description"]).Should().StartWith("Too many token requests from this network address");
    }

    [Fact]
    public async Task The_refusal_is_recorded_once_per_window_in_the_clients_provisioning_log()
    {
        var connection = await host.ConnectAsync(await host.CreateOrganizationAsync());
        using var attacker = host.CreateHttpClient(Addresses.Next());
        for (var i = 0; i < Limit + 3; i++)
        {
            (await attacker.RequestTokenAsync(connection.ClientId, SecretKeys.WrongSecretFor(connection.Secret))).Dispose();
        }

        var events = await host.ProvisioningEventsAsync(connection);

        events.Count(e => (int)e["status"]! == 401).Should().Be(Limit);
        var refusal = events.Should().ContainSingle(e => (int)e["status"]! == 429, "one line per window, not one per refused request").Subject;
        ((string?)refusal["outcome"]).Should().Be("failure");
        ((string?)refusal["errorDetail"]).Should().Contain("Too many token requests");
    }
}
