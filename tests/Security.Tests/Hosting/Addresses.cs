namespace AutoRfpHex.Security.Tests.Hosting;

/// <summary>
/// Fresh client addresses for <c>X-Forwarded-For</c> (198.18.0.0/15, reserved for benchmarking), so each test has
/// counters of its own on a host that trusts forwarded headers from loopback.
/// </summary>
public static class Addresses
{
    private static int next;

    public static string Next()
    {
        var n = Interlocked.Increment(ref next);
        return $"198.18.{n / 250}.{(n % 250) + 1}";
    }
}
