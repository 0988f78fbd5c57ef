using AutoRfpHex.Security.Tests.Hosting;

namespace AutoRfpHex.Security.Tests.ExternalIssuer;

/// <summary>A configuration that would weaken admin authentication stops the service at start, with a clear message.</summary>
public sealed class ExternalIssuerConfigurationTests
{
    [Fact]
    public void An_authority_without_an_audience_stops_startup()
    {
        var start = () => new SecurityHost(new Dictionary<string, string?> { ["AdminAuth:ExternalIssuer:Authority"] = "https://idp.example.com" }).Dispose();

        start.Should().Throw<Exception>().Which.ToString().Should().Contain("AdminAuth:ExternalIssuer:Audience is required");
    }

    [Theory]
    [InlineData("http://idp.example.com")]
    [InlineData("not a url")]
    public void An_authority_without_tls_off_loopback_stops_startup(string authority)
    {
        var start = () => new SecurityHost(new Dictionary<string, string?>
        {
            ["AdminAuth:ExternalIssuer:Authority"] = authority,
            ["AdminAuth:ExternalIssuer:Audience"] = ExternalIssuerFixture.Audience,
        }).Dispose();

        start.Should().Throw<Exception>().Which.ToString().Should().Contain("AdminAuth:ExternalIssuer:Authority must be an https URL");
    }
}
