using System.Text;
using AutoRfpHex.Core.Credentials.OAuth;

namespace AutoRfpHex.Core.Tests.Credentials;

public sealed class ClientCredentialsTests
{
    private static string Basic(string raw) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(raw));

    [Fact]
    public void Basic_header_yields_client_id_and_secret()
    {
        ClientCredentials.TryParseBasic(Basic("arfp_client_x:arfp_live_y"), formUrlEncoded: true, out var credentials).Should().BeTrue();

        credentials.Should().Be(new ClientCredentials("arfp_client_x", "arfp_live_y"));
    }

    [Fact]
    public void Token_endpoint_form_url_decodes_both_halves_after_base64()
    {
        ClientCredentials.TryParseBasic(Basic("my%3Aclient:se+cr%2Bet%25"), formUrlEncoded: true, out var credentials).Should().BeTrue();

        credentials!.ClientId.Should().Be("my:client");
        credentials.Secret.Should().Be("se cr+et%");
    }

    [Fact]
    public void Plain_basic_takes_the_halves_as_they_are()
    {
        ClientCredentials.TryParseBasic(Basic("id:se+cr%2Bet:with:colons"), formUrlEncoded: false, out var credentials).Should().BeTrue();

        credentials!.Secret.Should().Be("se+cr%2Bet:with:colons");
    }

    [Fact]
    public void Scheme_is_case_insensitive()
    {
        ClientCredentials.TryParseBasic("bAsIc " + Convert.ToBase64String("a:b"u8.ToArray()), false, out var credentials).Should().BeTrue();

        credentials!.ClientId.Should().Be("a");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic")]
    [InlineData("Basic ")]
    [InlineData("Basic !!!not-base64")]
    [InlineData("Bearer abc")]
    [InlineData("Basicabc")]
    public void Malformed_header_is_refused(string? header)
    {
        ClientCredentials.TryParseBasic(header, formUrlEncoded: true, out _).Should().BeFalse();
    }

    [Fact]
    public void Header_without_colon_or_with_empty_client_id_is_refused()
    {
        ClientCredentials.TryParseBasic(Basic("no-colon"), true, out _).Should().BeFalse();
        ClientCredentials.TryParseBasic(Basic(":secret"), true, out _).Should().BeFalse();
    }

    [Fact]
    public void ToString_never_shows_the_secret()
    {
        new ClientCredentials("id", "s3cr3t-value").ToString().Should().Contain("id").And.NotContain("s3cr3t-value");
    }
}
