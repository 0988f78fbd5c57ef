using AutoRfpHex.Core.Credentials;

namespace AutoRfpHex.Security.Tests.Hosting;

/// <summary>The service's own hasher, counting verifications: each one is a BCrypt run in production.</summary>
public sealed class CountingSecretHasher(ISecretHasher inner) : ISecretHasher
{
    private int verifications;

    public int Verifications => Volatile.Read(ref verifications);

    public string Algorithm => inner.Algorithm;

    public string Hash(string secret) => inner.Hash(secret);

    public bool Verify(string secret, string hash)
    {
        Interlocked.Increment(ref verifications);
        return inner.Verify(secret, hash);
    }
}
