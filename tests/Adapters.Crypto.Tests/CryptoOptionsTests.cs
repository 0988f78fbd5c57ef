namespace AutoRfpHex.Adapters.Crypto.Tests;

public sealed class CryptoOptionsTests
{
    [Fact]
    public void Audiences_default_to_the_scim_and_admin_bases_of_the_issuer()
    {
        var options = new CryptoOptions { Issuer = "http://127.0.0.1:5080/" };

        options.ResolvedScimAudience.Should().Be("http://127.0.0.1:5080/scim/v2");
        options.ResolvedAdminAudience.Should().Be("http://127.0.0.1:5080/api/v1");
        options.Invoking(o => o.Validate()).Should().NotThrow();
    }

    [Fact]
    public void Issuer_must_be_an_absolute_url()
    {
        new CryptoOptions { Issuer = "autorfp" }.Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithMessage("*absolute URL*");
    }

    [Fact]
    public void Scim_and_admin_audiences_must_differ()
    {
        new CryptoOptions { Issuer = "https://a.test", ScimAudience = "same", AdminAudience = "same" }
            .Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithMessage("*must differ*");
    }

    [Fact]
    public void Unsupported_signing_algorithm_or_work_factor_is_refused()
    {
        new CryptoOptions { Issuer = "https://a.test", SigningAlgorithm = "HS256" }.Invoking(o => o.Validate()).Should().Throw<ArgumentException>();
        new CryptoOptions { Issuer = "https://a.test", BCryptWorkFactor = 2 }.Invoking(o => o.Validate()).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Key_overlap_shorter_than_the_longest_access_token_is_refused()
    {
        new CryptoOptions { Issuer = "https://a.test", RetiredKeyOverlap = TimeSpan.FromHours(1) }.Invoking(o => o.Validate()).Should().Throw<ArgumentException>();
    }
}
