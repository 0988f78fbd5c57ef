using System.Text.Json.Nodes;
using AutoRfpHex.Core.Credentials.Tokens;
using AutoRfpHex.Core.Tenancy;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AutoRfpHex.Adapters.Crypto.Tests;

public sealed class JsonWebKeySetTests
{
    private static readonly AccessTokenRequest Request = new(
        "arfp_client_abcdefghij0123456789", new Tenant("acme", DeploymentEnvironment.Production), "Key123456789", "scim", TimeSpan.FromMinutes(60));

    [Fact]
    public void Key_set_publishes_the_public_ec_key_with_kid_use_and_alg_only()
    {
        var instance = new IssuerFixture();

        var jwks = JsonNode.Parse(instance.Issuer.JsonWebKeySetJson())!.AsObject();

        var key = jwks["keys"]!.AsArray().Should().ContainSingle().Subject!.AsObject();
        key.Select(p => p.Key).Should().BeEquivalentTo("kty", "crv", "x", "y", "kid", "use", "alg");
        key["kty"]!.GetValue<string>().Should().Be("EC");
        key["crv"]!.GetValue<string>().Should().Be("P-256");
        key["use"]!.GetValue<string>().Should().Be("sig");
        key["alg"]!.GetValue<string>().Should().Be("ES256");
        Base64UrlEncoder.DecodeBytes(key["x"]!.GetValue<string>()).Should().HaveCount(32);
        jwks.Select(p => p.Key).Should().Equal("keys");
    }

    [Fact]
    public void Key_id_is_the_rfc_7638_thumbprint_of_the_published_key()
    {
        var instance = new IssuerFixture();

        var published = new JsonWebKeySet(instance.Issuer.JsonWebKeySetJson()).Keys.Single();

        published.Kid.Should().Be(Base64UrlEncoder.Encode(published.ComputeJwkThumbprint()));
    }

    [Fact]
    public async Task Published_key_set_alone_validates_our_tokens()
    {
        var instance = new IssuerFixture();
        var token = instance.Issuer.Issue(Request).Token;

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = new JsonWebKeySet(instance.Issuer.JsonWebKeySetJson()).GetSigningKeys(),
            ValidIssuer = "https://autorfp.test",
            ValidAudience = "https://autorfp.test/scim/v2",
            ValidateLifetime = false,
        });

        result.IsValid.Should().BeTrue(result.Exception?.Message);
    }
}
