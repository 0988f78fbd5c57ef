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

    /// <summary>Asymmetric signatures only: an IdP publishes public keys, and <c>none</c> or HMAC must never pass.</summary>
    public static IReadOnlyList<string> AllowedAlgorithms { get; } =
        ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];

    /// <summary>http://localhost, 127.0.0.1 or [::1]: the only authorities allowed without TLS.</summary>
    public static bool IsLoopbackHttp(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;

    /// <summary>Fails fast at start-up on a setting that would accept tokens meant for another service, or fetch keys unprotected.</summary>
    public ExternalIssuerSettings Validated()
    {
        const string prefix = AdminAuthSettings.Section + ":ExternalIssuer";
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority)
            || (authority.Scheme != Uri.UriSchemeHttps && !IsLoopbackHttp(Authority)))
        {
            throw new InvalidOperationException(
                $"{prefix}:Authority must be an https URL (plain http only on loopback, for local testing); it is '{Authority}'.");
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            throw new InvalidOperationException(
                $"{prefix}:Audience is required with an Authority: without it any token of that issuer, for any application, would be accepted.");
        }

        if (string.IsNullOrWhiteSpace(OrganizationClaim))
        {
            throw new InvalidOperationException($"{prefix}:OrganizationClaim must name the claim that carries the AutoRFP organization id.");
        }

        return this;
    }
}
