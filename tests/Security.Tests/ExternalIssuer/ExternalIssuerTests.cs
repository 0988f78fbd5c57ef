using System.Net;
using System.Security.Cryptography;
using AutoRfpHex.Security.Tests.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace AutoRfpHex.Security.Tests.ExternalIssuer;

/// <summary>Admin tokens of a trusted external issuer (the company's IdP): checked like any JWT, acting for the organization they name.</summary>
public sealed class ExternalIssuerTests(DefaultClaimIssuerFixture fixture) : IClassFixture<DefaultClaimIssuerFixture>
{
    private readonly SecurityHost host = fixture.Host;
    private readonly TestAuthority authority = fixture.Authority;

    [Fact]
    public async Task A_token_naming_an_organization_acts_for_that_organization()
    {
        var organization = await host.CreateOrganizationAsync();
        var token = authority.Token(ExternalIssuerFixture.Audience, Claims(organization.OrganizationId));

        using var response = await host.GetOrganizationAsync(token);

        var body = await Provisioning.ExpectJsonAsync(response, HttpStatusCode.OK);
        ((string?)body["id"]).Should().Be(organization.OrganizationId);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_rejected()
    {
        var organization = await host.CreateOrganizationAsync();

        using var response = await host.GetOrganizationAsync(authority.Token("some-other-api", Claims(organization.OrganizationId)));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_token_is_rejected()
    {
        var organization = await host.CreateOrganizationAsync();
        var expired = authority.Token(ExternalIssuerFixture.Audience, Claims(organization.OrganizationId), expires: DateTime.UtcNow.AddMinutes(-30));

        using var response = await host.GetOrganizationAsync(expired);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("test-key-1")] // the published key's id, another key: the signature does not verify
    [InlineData("unpublished-key")]
    public async Task A_token_signed_by_another_key_is_rejected(string keyId)
    {
        var organization = await host.CreateOrganizationAsync();
        using var otherRsa = RSA.Create(2048);
        var forged = authority.Token(
            ExternalIssuerFixture.Audience, Claims(organization.OrganizationId), signingKey: new RsaSecurityKey(otherRsa) { KeyId = keyId });

        using var response = await host.GetOrganizationAsync(forged);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_of_another_issuer_is_rejected()
    {
        var organization = await host.CreateOrganizationAsync();
        var token = authority.Token(ExternalIssuerFixture.Audience, Claims(organization.OrganizationId), issuer: "https://idp.attacker.example");

        using var response = await host.GetOrganizationAsync(token);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unsigned_token_is_rejected()
    {
        var organization = await host.CreateOrganizationAsync();

        using var response = await host.GetOrganizationAsync(authority.UnsignedToken(ExternalIssuerFixture.Audience, Claims(organization.OrganizationId)));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_without_an_organization_is_forbidden()
    {
        var token = authority.Token(ExternalIssuerFixture.Audience, new Dictionary<string, object> { ["name"] = "Admin without organization" });

        using var response = await host.GetOrganizationAsync(token);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_services_own_admin_tokens_still_work()
    {
        var organization = await host.CreateOrganizationAsync();

        using var response = await host.GetOrganizationAsync(organization.AdminToken);

        var body = await Provisioning.ExpectJsonAsync(response, HttpStatusCode.OK);
        ((string?)body["id"]).Should().Be(organization.OrganizationId);
    }

    private static Dictionary<string, object> Claims(string organizationId) => new() { ["org"] = organizationId };
}
