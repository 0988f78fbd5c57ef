using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace AutoRfpHex.Adapters.Http.RateLimiting;

public enum RateLimitScope
{
    /// <summary>Everything one network address sends.</summary>
    Address,

    /// <summary>One client id or key id, from one network address.</summary>
    CredentialAndAddress,
}

/// <summary>
/// The global limiter ASP.NET's rate-limiting middleware runs: fixed windows per network address, chained with
/// fixed windows per credential and address, over requests marked as a <see cref="CredentialAttempt"/> only.
/// Credential counters are per address on purpose: client ids and key ids are not secret (they sit in IdP screens
/// and hints), so a counter shared by all addresses would let anyone lock a client out by sending a few wrong
/// secrets a minute (ASVS 6.3.1). Guessing needs no such counter: the secrets hold 256 random bits.
/// </summary>
public sealed class CredentialRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> perAddress;
    private readonly PartitionedRateLimiter<HttpContext> perCredential;

    public CredentialRateLimiter(CredentialRateLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Limits = limits;
        perAddress = PartitionedRateLimiter.Create<HttpContext, string>(context => CredentialAttempt.Of(context) is { } attempt
            ? Window($"{attempt.Surface}|{attempt.Address}", AddressLimit(attempt.Surface))
            : RateLimitPartition.GetNoLimiter(string.Empty));
        perCredential = PartitionedRateLimiter.Create<HttpContext, string>(context => CredentialAttempt.Of(context) is { } attempt
            ? Window($"{attempt.Surface}|{attempt.Address}|{attempt.Credential}", CredentialLimit(attempt.Surface))
            : RateLimitPartition.GetNoLimiter(string.Empty));

        // Address first: a refusal there spends nothing from the credential's counter.
        Global = PartitionedRateLimiter.CreateChained(perAddress, perCredential);
    }

    public CredentialRateLimits Limits { get; }

    public PartitionedRateLimiter<HttpContext> Global { get; }

    public int AddressLimit(CredentialSurface surface) =>
        surface == CredentialSurface.TokenEndpoint ? Limits.TokenRequestsPerAddress : Limits.ScimSecretAttemptsPerAddress;

    public int CredentialLimit(CredentialSurface surface) =>
        surface == CredentialSurface.TokenEndpoint ? Limits.TokenRequestsPerClientAndAddress : Limits.ScimSecretAttemptsPerCredentialAndAddress;

    /// <summary>Which counter is spent, for a request <see cref="Global"/> just refused (asking for 0 permits spends nothing).</summary>
    public RateLimitScope RefusedBy(HttpContext context)
    {
        using var lease = perAddress.AttemptAcquire(context, 0);
        return lease.IsAcquired ? RateLimitScope.CredentialAndAddress : RateLimitScope.Address;
    }

    public void Dispose()
    {
        Global.Dispose();
        perCredential.Dispose();
        perAddress.Dispose();
    }

    private RateLimitPartition<string> Window(string partitionKey, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(partitionKey, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = Limits.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
