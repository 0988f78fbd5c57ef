using System.Net;
using AutoRfpHex.Security.Tests.Hosting;

namespace AutoRfpHex.Security.Tests.ExternalIssuer;

/// <summary><c>AdminAuth:ExternalIssuer:OrganizationClaim</c>: the organization comes from the configured claim only.</summary>
public sealed class ExternalIssuerClaimTests(CustomClaimIssuerFixture fixture) : IClassFixture<CustomClaimIssuerFixture>
{
    private const string Claim = CustomClaimIssuerFixture.CustomClaim;
    private readonly SecurityHost host = fixture.Host;
    private readonly TestAuthority authority = fixture.Authority;

    [Fact]
    public async Task The_configured_claim_names_the_organization()
    {
        var organization = await host.CreateOrganizationAsync();

        using var response = await host.GetOrganizationAsync(
            authority.Token(ExternalIssuerFixture.Audience, new Dictionary<string, object> { [Claim] = organization.OrganizationId }));

        var body = await Provisioning.ExpectJsonAsync(response, HttpStatusCode.OK);
        ((string?)body["id"]).Should().Be(organization.OrganizationId);
    }

    [Fact]
    public async Task The_issuers_own_org_claim_is_not_trusted()
    {
        var organization = await host.CreateOrganizationAsync();

        using var response = await host.GetOrganizationAsync(
            authority.Token(ExternalIssuerFixture.Audience, new Dictionary<string, object> { ["org"] = organization.OrganizationId }));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "with another claim configured, 'org' is the issuer's own concept");
    }

    [Fact]
    public async Task The_configured_claim_wins_over_an_org_claim()
    {
        var named = await host.CreateOrganizationAsync();
        var other = await host.CreateOrganizationAsync();

        using var response = await host.GetOrganizationAsync(authority.Token(
            ExternalIssuerFixture.Audience,
            new Dictionary<string, object> { [Claim] = named.OrganizationId, ["org"] = other.OrganizationId }));

        var body = await Provisioning.ExpectJsonAsync(response, HttpStatusCode.OK);
        ((string?)body["id"]).Should().Be(named.OrganizationId);
    }

    [Fact]
    public async Task A_token_naming_two_organizations_is_forbidden()
    {
        var first = await host.CreateOrganizationAsync();
        var second = await host.CreateOrganizationAsync();

        using var response = await host.GetOrganizationAsync(authority.Token(
            ExternalIssuerFixture.Audience,
            new Dictionary<string, object> { [Claim] = new[] { first.OrganizationId, second.OrganizationId } }));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
