using System.Text;
using AutoRfpHex.Core.Credentials.ScimAuthentication;

namespace AutoRfpHex.Core.Tests.Credentials;

public sealed class PresentedScimCredentialTests
{
    [Fact]
    public void Bearer_header_yields_its_token()
    {
        PresentedScimCredential.FromAuthorizationHeader("Bearer abc.def.ghi")
            .Should().Be(new PresentedScimCredential.Bearer("abc.def.ghi"));
    }

    [Fact]
    public void Bearer_scheme_is_case_insensitive_and_trimmed()
    {
        PresentedScimCredential.FromAuthorizationHeader("  bearer   token-value ")
            .Should().Be(new PresentedScimCredential.Bearer("token-value"));
    }

    [Fact]
    public void Basic_header_yields_client_id_and_secret_without_url_decoding()
    {
        var header = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("arfp_client_x:a+b"));

        PresentedScimCredential.FromAuthorizationHeader(header)
            .Should().Be(new PresentedScimCredential.Basic("arfp_client_x", "a+b"));
    }

    [Fact]
    public void Bare_value_without_scheme_is_a_bearer_token_as_okta_header_mode_sends_it()
    {
        PresentedScimCredential.FromAuthorizationHeader("arfp_live_abc")
            .Should().Be(new PresentedScimCredential.Bearer("arfp_live_abc"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Digest username=x")]
    [InlineData("Basic %%%")]
    public void Missing_or_unusable_header_yields_nothing(string? header)
    {
        PresentedScimCredential.FromAuthorizationHeader(header).Should().BeNull();
    }

    [Fact]
    public void ToString_never_shows_the_secret()
    {
        new PresentedScimCredential.Bearer("arfp_live_secret").ToString().Should().NotContain("secret");
        new PresentedScimCredential.Basic("client", "the-secret").ToString().Should().Contain("client").And.NotContain("the-secret");
    }
}
