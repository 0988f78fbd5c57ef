using System.Net;
using AutoRfpHex.Security.Tests.Hosting;

namespace AutoRfpHex.Security.Tests.RateLimiting;

/// <summary>
/// SCIM limits secret keys that have to be checked (wrong, unknown, or not verified lately), before checking them;
/// recently verified keys and access tokens are never counted, so identity providers' traffic is not limited.
/// </summary>
public sealed class ScimRateLimitTests(LimitedHostFixture fixture) : IClassFixture<LimitedHostFixture>
{
    private const int Limit = LimitedHostFixture.PerCredential;
    private readonly SecurityHost host = fixture.Host;

    [Fact]
    public async Task Wrong_secret_keys_get_a_scim_429_with_retry_after_once_the_limit_is_spent()
    {
        var connection = await host.ConnectAsync(await host.CreateOrganizationAsync());
        using var attacker = host.CreateHttpClient(Addresses.Next());
        for (var i = 0; i < Limit; i++)
        {
            using var refused = await attacker.ScimGetAsync(Provisioning.Bearer(SecretKeys.WrongSecretFor(connection.Secret)));
            refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "attempt {0} is within the limit", i + 1);
        }

        using var limited = await attacker.ScimGetAsync(Provisioning.Bearer(SecretKeys.WrongSecretFor(connection.Secret)));

        var body = await limited.ShouldBeTooManyRequestsAsync(LimitedHostFixture.WindowSeconds);
        limited.Content.Headers.ContentType!.MediaType.Should().Be("application/scim+json");
        body["schemas"]!.AsArray().Select(s => (string?)s).Should().Equal("urn:ietf:params:scim:api:messages:2.0:Error");
        ((string?)body["status"]).Should().Be("429", "RFC 7644 §3.12: status is a string");
        ((string?)body["detail"]).Should().Contain("wrong or not yet verified secret key").And.Contain("Retry after");
    }

    [Fact]
    public async Task Basic_with_wrong_secrets_is_limited_per_client()
    {
        var connection = await host.ConnectAsync(await host.CreateOrganizationAsync());
        using var attacker = host.CreateHttpClient(Addresses.Next());
        for (var i = 0; i < Limit; i++)
        {
            using var refused = await attacker.ScimGetAsync(Provisioning.Basic(connection.ClientId, SecretKeys.WrongSecretFor(connection.Secret)));
            refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        using var limited = await attacker.ScimGetAsync(Provisioning.Basic(connection.ClientId, SecretKeys.WrongSecretFor(connection.Secret)));

        await limited.ShouldBeTooManyRequestsAsync(LimitedHostFixture.WindowSeconds);
    }

    [Fact]
    public async Task Refused_calls_check_no_secret()
    {
        var connection = await host.ConnectAsync(await host.CreateOrganizationAsync());
        using var attacker = host.CreateHttpClient(Addresses.Next());
        for (var i = 0; i < Limit; i++)
        {
            (await attacker.ScimGetAsync(Provisioning.Bearer(SecretKeys.WrongSecretFor(connection.Secret)))).Dispose();
        }

        var checksBefore = host.SecretChecks.Verifications;
        for (var i = 0; i < 5; i++)
        {
            using var limited = await attacker.ScimGetAsync(Provisioning.Bearer(SecretKeys.WrongSecretFor(connection.Secret)));
            limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        }

        host.SecretChecks.Verifications.Should().Be(checksBefore, "a refused call is answered before BCrypt runs");
    }

    [Fact]
    public async Task The_identity_provider_keeps_working_while_an_attacker_is_refused()
    {
        var connection = await host.ConnectAsync(await host.CreateOrganizationAsync());
        using var identityProvider = host.CreateHttpClient(Addresses.Next());
        using var attacker = host.CreateHttpClient(Addresses.Next());
        for (var i = 0; i <= Limit; i++)
        {
            (await attacker.ScimGetAsync(Provisioning.Bearer(SecretKeys.WrongSecretFor(connection.Secret)))).Dispose();
        }

        using var fromIdentityProvider = await identityProvider.ScimGetAsync(Provisioning.Bearer(connection.Secret));
        using var rightKeyFromAttackersAddress = await attacker.ScimGetAsync(Provisioning.Bearer(connection.Secret));

        fromIdentityProvider.StatusCode.Should().Be(HttpStatusCode.OK, "counters are per address: key ids are not secret");
        rightKeyFromAttackersAddress.StatusCode.Should().Be(HttpStatusCode.OK, "a key verified moments ago needs no check, so it is not limited");
    }

    [Fact]
    public async Task Successful_calls_are_not_limited()
    {
        var connection = await host.ConnectAsync(await host.CreateOrganizationAsync());
        using var identityProvider = host.CreateHttpClient(Addresses.Next());
        var accessToken = await identityProvider.AccessTokenAsync(connection);
        var checksBefore = host.SecretChecks.Verifications;
        var credentials = new[]
        {
            Provisioning.Bearer(connection.Secret),
            Provisioning.Basic(connection.ClientId, connection.Secret),
            Provisioning.Bearer(accessToken),
        };

        var statuses = new List<HttpStatusCode>();
        foreach (var credential in credentials)
        {
            for (var i = 0; i < 200; i++)
            {
                using var response = await identityProvider.ScimGetAsync(credential);
                statuses.Add(response.StatusCode);
            }
        }

        statuses.Should().HaveCount(600).And.OnlyContain(s => s == HttpStatusCode.OK, "far above the limit of {0}, all succeed", Limit);
        (host.SecretChecks.Verifications - checksBefore).Should().BeLessThanOrEqualTo(2, "a key is checked once, then served from the verified-secret cache");
    }

    [Fact]
    public async Task Unknown_keys_from_one_address_are_limited_as_an_address()
    {
        using var attacker = host.CreateHttpClient(Addresses.Next());
        for (var i = 0; i < LimitedHostFixture.PerAddress; i++)
        {
            using var refused = await attacker.ScimGetAsync(Provisioning.Bearer(SecretKeys.Unknown()));
            refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "call {0} is within the address limit", i + 1);
        }

        using var limited = await attacker.ScimGetAsync(Provisioning.Bearer(SecretKeys.Unknown()));

        var body = await limited.ShouldBeTooManyRequestsAsync(LimitedHostFixture.WindowSeconds);
        ((string?)body["detail"]).Should().StartWith("Too many SCIM requests with secret keys that had to be checked from this network address");
    }

    [Fact]
    public async Task Access_tokens_work_from_an_address_that_is_refused_secret_keys()
    {
        var connection = await host.ConnectAsync(await host.CreateOrganizationAsync());
        var address = Addresses.Next();
        using var client = host.CreateHttpClient(address);
        for (var i = 0; i <= LimitedHostFixture.PerAddress; i++)
        {
            (await client.ScimGetAsync(Provisioning.Bearer(SecretKeys.Unknown()))).Dispose();
        }

        using var secretKey = await client.ScimGetAsync(Provisioning.Bearer(SecretKeys.WrongSecretFor(connection.Secret)));
        using var accessToken = await client.ScimGetAsync(Provisioning.Bearer(await client.AccessTokenAsync(connection)));

        secretKey.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        accessToken.StatusCode.Should().Be(HttpStatusCode.OK, "an access token is checked by its signature, which costs nothing worth limiting");
    }

    [Fact]
    public async Task The_refusal_is_recorded_once_per_window_in_the_clients_provisioning_log()
    {
        var connection = await host.ConnectAsync(await host.CreateOrganizationAsync());
        using var attacker = host.CreateHttpClient(Addresses.Next());
        for (var i = 0; i < Limit + 3; i++)
        {
            (await attacker.ScimGetAsync(Provisioning.Bearer(SecretKeys.WrongSecretFor(connection.Secret)))).Dispose();
        }

        var events = await host.ProvisioningEventsAsync(connection);

        events.Count(e => (int)e["status"]! == 401).Should().Be(Limit);
        var refusal = events.Should().ContainSingle(e => (int)e["status"]! == 429, "one line per window, not one per refused call").Subject;
        ((string?)refusal["operation"]).Should().Be("GET /Users");
        ((string?)refusal["errorDetail"]).Should().Contain("Too many SCIM requests");
    }
}
