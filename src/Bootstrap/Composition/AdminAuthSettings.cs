namespace AutoRfpHex.Bootstrap.Composition;

/// <summary>
/// <c>AdminAuth</c> configuration. By default admin tokens are issued by this service (first-run banner, CLI) and
/// signed with its own keys. In production an external issuer (the company's IdP) can be trusted instead.
/// </summary>
public sealed class AdminAuthSettings
{
    public const string Section = "AdminAuth";

    public ExternalIssuerSettings ExternalIssuer { get; set; } = new();
}

public sealed class ExternalIssuerSettings
{
    /// <summary>OpenID Connect authority whose signing keys are trusted; empty disables external tokens.</summary>
    public string Authority { get; set; } = string.Empty;

    public string Audience { get; set; } = string.Empty;

    /// <summary>The claim carrying the AutoRFP organization id.</summary>
    public string OrganizationClaim { get; set; } = "org";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
