using AutoRfpHex.Core.Credentials.Tokens;
using AutoRfpHex.Core.Tenancy;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AutoRfpHex.Adapters.Crypto.Tests;

/// <summary>Validates admin tokens exactly as ASP.NET's JwtBearer would: a JsonWebTokenHandler with our parameters.</summary>
public sealed class AdminTokenValidationTests
{
    private static Task<Microsoft.IdentityModel.Tokens.TokenValidationResult> ValidateAsync(IssuerFixture instance, string token) =>
        new JsonWebTokenHandler().ValidateTokenAsync(token, instance.AdminTokens.CreateValidationParameters());

    [Fact]
    public async Task Admin_token_validates_with_the_user_and_organization()
    {
        var instance = new IssuerFixture();

        var token = instance.Issuer.IssueAdminToken("acme", "user-1", TimeSpan.FromHours(8));
        var result = await ValidateAsync(instance, token);

        result.IsValid.Should().BeTrue(result.Exception?.Message);
        result.ClaimsIdentity.Name.Should().Be("user-1");
        result.ClaimsIdentity.FindFirst("org")!.Value.Should().Be("acme");
        Jwt.Header(token)["typ"]!.GetValue<string>().Should().Be("JWT");
        Jwt.Payload(token)["aud"]!.GetValue<string>().Should().Be("https://autorfp.test/api/v1");
        instance.AdminTokens.Audience.Should().Be("https://autorfp.test/api/v1");
        instance.AdminTokens.Issuer.Should().Be("https://autorfp.test");
        instance.AdminTokens.SigningKeys.Should().ContainSingle().Which.KeyId.Should().Be(Jwt.Header(token)["kid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Expired_admin_token_is_refused()
    {
        var instance = new IssuerFixture();
        var token = instance.Issuer.IssueAdminToken("acme", "user-1", TimeSpan.FromHours(1));

        instance.Time.Advance(TimeSpan.FromHours(1) + instance.Options.ClockSkew);

        (await ValidateAsync(instance, token)).IsValid.Should().BeFalse();
    }

    [Fact]
    public async Task Scim_access_token_does_not_open_the_admin_api()
    {
        var instance = new IssuerFixture();
        var scimToken = instance.Issuer.Issue(new AccessTokenRequest(
            "arfp_client_abcdefghij0123456789", new Tenant("acme", DeploymentEnvironment.Production), "Key123456789", "scim", TimeSpan.FromMinutes(60))).Token;

        (await ValidateAsync(instance, scimToken)).IsValid.Should().BeFalse();
    }

    [Fact]
    public async Task Admin_token_from_another_deployment_is_refused()
    {
        var instance = new IssuerFixture();

        (await ValidateAsync(instance, new IssuerFixture().Issuer.IssueAdminToken("acme", "user-1", TimeSpan.FromHours(1)))).IsValid.Should().BeFalse();
    }

    [Fact]
    public void Admin_token_needs_ids_and_a_positive_lifetime()
    {
        var issuer = new IssuerFixture().Issuer;

        issuer.Invoking(i => i.IssueAdminToken("", "user", TimeSpan.FromHours(1))).Should().Throw<ArgumentException>();
        issuer.Invoking(i => i.IssueAdminToken("acme", "user", TimeSpan.Zero)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
