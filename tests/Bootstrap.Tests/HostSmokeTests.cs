using AutoRfpHex.TestHost;

namespace AutoRfpHex.Bootstrap.Tests;

public sealed class HostSmokeTests
{
    [Fact]
    public async Task Host_serves_over_real_http()
    {
        using var host = new ServiceHost();
        using var client = host.CreateHttpClient();
        var response = await client.GetAsync("healthz");
        host.BaseAddress.Host.Should().Be("127.0.0.1");
        ((int)response.StatusCode).Should().Be(200);
    }
}
