namespace AutoRfpHex.Adapters.Http.RateLimiting;

/// <summary>
/// <c>RateLimits</c> configuration: how many secret checks a caller gets per window before it is refused with 429,
/// without the secret being checked (RFC 6749 §2.3.1; OWASP ASVS 6.1.1, 6.3.1). Counters live in memory per
/// instance and windows are short, so nothing here ever locks a client out for good.
/// </summary>
public sealed class CredentialRateLimits
{
    public const string Section = "RateLimits";

    /// <summary>Length of every counting window; a refused caller waits at most this long.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Token requests naming one client id, counted per network address (every request runs BCrypt).</summary>
    public int TokenRequestsPerClientAndAddress { get; set; } = 30;

    /// <summary>Token requests from one network address, whatever client they name.</summary>
    public int TokenRequestsPerAddress { get; set; } = 120;

    /// <summary>
    /// SCIM calls whose secret key must really be checked (wrong, unknown, or not verified in the last minutes),
    /// per presented key id or Basic client id and network address. Calls with a recently verified key, and calls
    /// with access tokens, are never counted: successful traffic is not limited.
    /// </summary>
    public int ScimSecretAttemptsPerCredentialAndAddress { get; set; } = 10;

    /// <summary>SCIM calls whose secret key must really be checked, from one network address.</summary>
    public int ScimSecretAttemptsPerAddress { get; set; } = 60;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);

    /// <summary>Fails fast at start-up on a limit that would disable the protection or refuse everything.</summary>
    public CredentialRateLimits Validated()
    {
        Require(WindowSeconds, nameof(WindowSeconds));
        Require(TokenRequestsPerClientAndAddress, nameof(TokenRequestsPerClientAndAddress));
        Require(TokenRequestsPerAddress, nameof(TokenRequestsPerAddress));
        Require(ScimSecretAttemptsPerCredentialAndAddress, nameof(ScimSecretAttemptsPerCredentialAndAddress));
        Require(ScimSecretAttemptsPerAddress, nameof(ScimSecretAttemptsPerAddress));
        return this;
    }

    private static void Require(int value, string name)
    {
        if (value <= 0)
        {
            throw new InvalidOperationException($"{Section}:{name} must be a positive number; it is {value}.");
        }
    }
}
