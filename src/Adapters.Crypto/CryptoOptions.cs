namespace AutoRfpHex.Adapters.Crypto;

/// <summary>Settings of the crypto adapter. Only <see cref="Issuer"/> is required.</summary>
public sealed class CryptoOptions
{
    /// <summary>The service's public base URL, e.g. <c>https://scim.autorfp.ai</c>: the <c>iss</c> of every token.</summary>
    public required string Issuer { get; init; }

    /// <summary>The <c>aud</c> of SCIM access tokens; defaults to <c>{Issuer}/scim/v2</c>.</summary>
    public string? ScimAudience { get; init; }

    /// <summary>The <c>aud</c> of admin API tokens; defaults to <c>{Issuer}/api/v1</c>. Distinct, so neither kind opens the other API.</summary>
    public string? AdminAudience { get; init; }

    /// <summary>BCrypt cost; 11 (about 150 ms a verification here) unless configured. Each step doubles the time.</summary>
    public int BCryptWorkFactor { get; init; } = 11;

    /// <summary>Algorithm of new signing keys: <c>ES256</c> (default) or <c>RS256</c>.</summary>
    public string SigningAlgorithm { get; init; } = SigningAlgorithms.ES256;

    /// <summary>How long a superseded signing key stays published and trusted: at least the longest token lifetime.</summary>
    public TimeSpan RetiredKeyOverlap { get; init; } = TimeSpan.FromDays(2);

    /// <summary>How often the key ring re-reads the store, to pick up keys other instances added.</summary>
    public TimeSpan KeyRefreshInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Tolerated clock difference between instances when checking <c>nbf</c> and <c>exp</c>.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(30);

    public string ResolvedScimAudience => ScimAudience ?? Issuer.TrimEnd('/') + "/scim/v2";

    public string ResolvedAdminAudience => AdminAudience ?? Issuer.TrimEnd('/') + "/api/v1";

    /// <summary>Throws on settings that would make tokens insecure or unusable; call at startup.</summary>
    public void Validate()
    {
        if (!Uri.TryCreate(Issuer, UriKind.Absolute, out _))
        {
            throw new ArgumentException($"Crypto issuer '{Issuer}' must be an absolute URL.", nameof(Issuer));
        }

        if (ResolvedScimAudience == ResolvedAdminAudience)
        {
            throw new ArgumentException("The SCIM and admin audiences must differ, or either token would open the other API.", nameof(AdminAudience));
        }

        if (BCryptWorkFactor is < 4 or > 31)
        {
            throw new ArgumentOutOfRangeException(nameof(BCryptWorkFactor), BCryptWorkFactor, "BCrypt work factor must be 4 to 31.");
        }

        if (!SigningAlgorithms.IsSupported(SigningAlgorithm))
        {
            throw new ArgumentException($"Signing algorithm '{SigningAlgorithm}' is not supported; use ES256 or RS256.", nameof(SigningAlgorithm));
        }

        if (RetiredKeyOverlap < TimeSpan.FromHours(6) || KeyRefreshInterval <= TimeSpan.Zero || ClockSkew < TimeSpan.Zero)
        {
            throw new ArgumentException("Key overlap must be at least 6 hours (the longest access token), refresh interval positive, clock skew not negative.");
        }
    }
}
