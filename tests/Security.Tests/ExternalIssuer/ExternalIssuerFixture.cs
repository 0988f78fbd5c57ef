using AutoRfpHex.Security.Tests.Hosting;

namespace AutoRfpHex.Security.Tests.ExternalIssuer;

/// <summary>A test authority, and the service configured to trust it for admin tokens (<c>AdminAuth:ExternalIssuer</c>).</summary>
public abstract class ExternalIssuerFixture(string? organizationClaim) : IAsyncLifetime
{
    public const string Audience = "autorfp-admin-api";

    public TestAuthority Authority { get; private set; } = null!;

    public SecurityHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Authority = await TestAuthority.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["AdminAuth:ExternalIssuer:Authority"] = Authority.Issuer,
            ["AdminAuth:ExternalIssuer:Audience"] = Audience,
        };
        if (organizationClaim is not null)
        {
            settings["AdminAuth:ExternalIssuer:OrganizationClaim"] = organizationClaim;
        }

        Host = new SecurityHost(settings);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Authority.DisposeAsync();
    }
}

/// <summary>The default configuration: the organization id is in the <c>org</c> claim.</summary>
public sealed class DefaultClaimIssuerFixture() : ExternalIssuerFixture(organizationClaim: null);

/// <summary>An issuer that names the organization in a claim of its own.</summary>
public sealed class CustomClaimIssuerFixture() : ExternalIssuerFixture(CustomClaim)
{
    public const string CustomClaim = "autorfp_org";
}
