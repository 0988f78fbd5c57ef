using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Credentials.Tokens;
using AutoRfpHex.Core.Tenancy;
using Microsoft.IdentityModel.Tokens;

namespace AutoRfpHex.Adapters.Crypto.Tests;

public sealed class JwtAccessTokenIssuerTests
{
    private static readonly AccessTokenRequest Request = new(
        "arfp_client_abcdefghij0123456789", new Tenant("acme", DeploymentEnvironment.Sandbox), "Key123456789", "scim", TimeSpan.FromMinutes(60));

    [Fact]
    public void Issued_token_validates_to_its_claims()
    {
        var instance = new IssuerFixture();

        var issued = instance.Issuer.Issue(Request);
        var validated = instance.Issuer.Validate(issued.Token);

        validated.Should().Be(new ValidatedAccessToken(
            Request.ClientId, Request.Tenant, Request.SecretId, "scim", issued.TokenId, IssuerFixture.Start.AddMinutes(60)));
        issued.IssuedAt.Should().Be(IssuerFixture.Start);
        issued.ExpiresAt.Should().Be(IssuerFixture.Start.AddMinutes(60));
        issued.ToString().Should().NotContain(issued.Token);
    }

    [Fact]
    public void Token_is_an_rfc_9068_access_token_with_our_claims()
    {
        var instance = new IssuerFixture();

        var issued = instance.Issuer.Issue(Request);

        var header = Jwt.Header(issued.Token);
        header["typ"]!.GetValue<string>().Should().Be("at+jwt");
        header["alg"]!.GetValue<string>().Should().Be("ES256");
        header["kid"]!.GetValue<string>().Should().Be(instance.Store.Keys.Single().KeyId);
        var now = IssuerFixture.Start.ToUnixTimeSeconds();
        JsonNode.DeepEquals(Jwt.Payload(issued.Token), new JsonObject
        {
            ["sub"] = Request.ClientId,
            ["client_id"] = Request.ClientId,
            ["jti"] = issued.TokenId,
            ["scope"] = "scim",
            ["org"] = "acme",
            ["env"] = "sandbox",
            ["sid"] = "Key123456789",
            ["iss"] = "https://autorfp.test",
            ["aud"] = "https://autorfp.test/scim/v2",
            ["exp"] = now + 3600,
            ["iat"] = now,
            ["nbf"] = now,
        }).Should().BeTrue(Jwt.Payload(issued.Token).ToJsonString());
    }

    [Fact]
    public void Token_ids_are_unique()
    {
        var instance = new IssuerFixture();

        Enumerable.Range(0, 50).Select(_ => instance.Issuer.Issue(Request).TokenId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Token_is_valid_until_its_expiry_plus_clock_skew_only()
    {
        var instance = new IssuerFixture();
        var issued = instance.Issuer.Issue(Request);

        instance.Time.Advance(TimeSpan.FromMinutes(60) + instance.Options.ClockSkew - TimeSpan.FromSeconds(1));
        instance.Issuer.Validate(issued.Token).Should().NotBeNull();

        instance.Time.Advance(TimeSpan.FromSeconds(1));
        instance.Issuer.Validate(issued.Token).Should().BeNull();
    }

    [Fact]
    public void Token_is_not_valid_before_its_not_before_time()
    {
        var early = new IssuerFixture();
        var later = new IssuerFixture(early.Store, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(IssuerFixture.Start.AddMinutes(10)));

        var fromTheFuture = later.Issuer.Issue(Request);

        early.Issuer.Validate(fromTheFuture.Token).Should().BeNull();
    }

    [Fact]
    public void Tampered_payload_fails_the_signature()
    {
        var instance = new IssuerFixture();
        var parts = instance.Issuer.Issue(Request).Token.Split('.');
        var payload = Jwt.Payload(string.Join('.', parts));
        payload["org"] = "other-org";

        instance.Issuer.Validate($"{parts[0]}.{Jwt.Encode(payload)}.{parts[2]}").Should().BeNull();
    }

    [Fact]
    public void Token_for_another_audience_or_issuer_is_refused()
    {
        var instance = new IssuerFixture();
        var otherAudience = instance.Restarted(new CryptoOptions { Issuer = "https://autorfp.test", ScimAudience = "https://elsewhere.test/scim" });
        var otherIssuer = instance.Restarted(new CryptoOptions { Issuer = "https://other.test" });

        instance.Issuer.Validate(otherAudience.Issuer.Issue(Request).Token).Should().BeNull();
        instance.Issuer.Validate(otherIssuer.Issuer.Issue(Request).Token).Should().BeNull();
    }

    [Fact]
    public void Admin_token_is_not_a_scim_access_token()
    {
        var instance = new IssuerFixture();

        instance.Issuer.Validate(instance.Issuer.IssueAdminToken("acme", "user-1", TimeSpan.FromHours(1))).Should().BeNull();
    }

    [Fact]
    public void Unsigned_alg_none_token_is_refused()
    {
        var instance = new IssuerFixture();
        var genuine = instance.Issuer.Issue(Request).Token;
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "at+jwt", ["kid"] = Jwt.Header(genuine)["kid"]!.GetValue<string>() };

        instance.Issuer.Validate($"{Jwt.Encode(header)}.{Jwt.Encode(Jwt.Payload(genuine))}.").Should().BeNull();
    }

    [Fact]
    public void Token_signed_by_another_key_is_refused_even_with_our_key_id()
    {
        var instance = new IssuerFixture();
        var genuine = instance.Issuer.Issue(Request).Token;
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var forged = Jwt.SignEs256(Jwt.Header(genuine), Jwt.Payload(genuine), attacker);

        instance.Issuer.Validate(forged).Should().BeNull();
        new IssuerFixture().Issuer.Validate(genuine).Should().BeNull("another deployment's keys do not trust ours");
    }

    [Fact]
    public void Symmetric_hs256_token_keyed_with_public_key_material_is_refused()
    {
        var instance = new IssuerFixture();
        var genuine = instance.Issuer.Issue(Request).Token;
        var header = new JsonObject { ["alg"] = "HS256", ["typ"] = "at+jwt", ["kid"] = Jwt.Header(genuine)["kid"]!.GetValue<string>() };
        var signingInput = $"{Jwt.Encode(header)}.{Jwt.Encode(Jwt.Payload(genuine))}";
        var publicJwk = Encoding.UTF8.GetBytes(instance.Issuer.JsonWebKeySetJson());
        var mac = HMACSHA256.HashData(publicJwk, Encoding.ASCII.GetBytes(signingInput));

        instance.Issuer.Validate($"{signingInput}.{Base64UrlEncoder.Encode(mac)}").Should().BeNull();
    }

    [Fact]
    public void Token_signed_by_our_key_but_with_another_type_or_missing_claims_is_refused()
    {
        var instance = new IssuerFixture();
        var genuine = instance.Issuer.Issue(Request).Token;
        var key = (ECDsaSecurityKey)instance.Ring.Current().Active.SecurityKey;
        var plainJwt = Jwt.Header(genuine);
        plainJwt["typ"] = "JWT";
        var withoutSecretId = Jwt.Payload(genuine);
        withoutSecretId.Remove("sid");
        var subjectMismatch = Jwt.Payload(genuine);
        subjectMismatch["sub"] = "someone-else";

        instance.Issuer.Validate(Jwt.SignEs256(Jwt.Header(genuine), Jwt.Payload(genuine), key.ECDsa)).Should().NotBeNull("the hand-made signature is right");
        instance.Issuer.Validate(Jwt.SignEs256(plainJwt, Jwt.Payload(genuine), key.ECDsa)).Should().BeNull();
        instance.Issuer.Validate(Jwt.SignEs256(Jwt.Header(genuine), withoutSecretId, key.ECDsa)).Should().BeNull();
        instance.Issuer.Validate(Jwt.SignEs256(Jwt.Header(genuine), subjectMismatch, key.ECDsa)).Should().BeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("arfp_live_0123456789ab_0123456789012345678901234567890123456789012abcdef")]
    public void Junk_is_not_a_token_and_throws_nothing(string token)
    {
        new IssuerFixture().Issuer.Validate(token).Should().BeNull();
    }

    [Fact]
    public void Oversized_token_is_refused_without_parsing()
    {
        new IssuerFixture().Issuer.Validate("eyJ" + new string('a', 10_000)).Should().BeNull();
    }

    [Fact]
    public void Rs256_keys_work_when_configured()
    {
        var instance = new IssuerFixture(options: new CryptoOptions { Issuer = "https://autorfp.test", SigningAlgorithm = "RS256" });

        var issued = instance.Issuer.Issue(Request);

        Jwt.Header(issued.Token)["alg"]!.GetValue<string>().Should().Be("RS256");
        instance.Issuer.Validate(issued.Token).Should().NotBeNull();
        JsonNode.Parse(instance.Issuer.JsonWebKeySetJson())!["keys"]![0]!["kty"]!.GetValue<string>().Should().Be("RSA");
    }
}
