namespace AutoRfpHex.Security.Tests.Hosting;

/// <summary>
/// Small limits in a one-minute window, behind a "proxy" (loopback, trusted): each test sends from addresses of its
/// own (<see cref="Addresses"/>), so tests sharing the host do not share counters.
/// </summary>
public sealed class LimitedHostFixture : IDisposable
{
    public const int PerCredential = 5;
    public const int PerAddress = 12;
    public const int WindowSeconds = 60;

    public SecurityHost Host { get; } = new(new Dictionary<string, string?>
    {
        ["RateLimits:WindowSeconds"] = WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:TokenRequestsPerClientAndAddress"] = PerCredential.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:TokenRequestsPerAddress"] = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:ScimSecretAttemptsPerCredentialAndAddress"] = PerCredential.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:ScimSecretAttemptsPerAddress"] = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Service:TrustForwardedFor"] = "true",
    });

    public void Dispose() => Host.Dispose();
}
