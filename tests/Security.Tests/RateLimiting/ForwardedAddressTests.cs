using System.Net;
using AutoRfpHex.Core.Credentials.SecretKeys;
using AutoRfpHex.Security.Tests.Hosting;

namespace AutoRfpHex.Security.Tests.RateLimiting;

/// <summary>
/// <c>Service:TrustForwardedFor</c>: behind a proxy, callers are counted by their forwarded address; without it (or
/// from an untrusted peer) the header is ignored, so a client cannot name a fresh address to escape its limit.
/// </summary>
public sealed class ForwardedAddressTests(LimitedHostFixture trusting) : IClassFixture<LimitedHostFixture>
{
    [Fact]
    public async Task Forwarded_addresses_are_counted_apart_when_the_proxy_is_trusted()
    {
        var first = Addresses.Next();
        using var limitedAddress = trusting.Host.CreateHttpClient(first);
        for (var i = 0; i < LimitedHostFixture.PerAddress; i++)
        {
            (await limitedAddress.RequestTokenAsync(OAuthClientIds.New(), SecretKeys.Unknown())).Dispose();
        }

        using var limited = await limitedAddress.RequestTokenAsync(OAuthClientIds.New(), SecretKeys.Unknown());
        using var otherAddress = trusting.Host.CreateHttpClient(Addresses.Next());
        using var elsewhere = await otherAddress.RequestTokenAsync(OAuthClientIds.New(), SecretKeys.Unknown());

        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        elsewhere.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "another forwarded address has a counter of its own");
    }

    [Fact]
    public async Task Forwarded_addresses_are_ignored_when_not_trusted()
    {
        const int perAddress = 4;
        using var untrusting = new SecurityHost(new Dictionary<string, string?>
        {
            ["RateLimits:TokenRequestsPerAddress"] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= perAddress; i++)
        {
            // A new address in every request: all of them are really 127.0.0.1.
            using var client = untrusting.CreateHttpClient(Addresses.Next());
            using var response = await client.RequestTokenAsync(OAuthClientIds.New(), SecretKeys.Unknown());
            statuses.Add(response.StatusCode);
        }

        statuses.Should().Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, perAddress).Append(HttpStatusCode.TooManyRequests));
    }
}
