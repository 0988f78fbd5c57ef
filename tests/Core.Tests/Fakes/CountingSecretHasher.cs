using System.Security.Cryptography;
using System.Text;
using AutoRfpHex.Core.Credentials;

namespace AutoRfpHex.Core.Tests.Fakes;

/// <summary>A fast, salted, one-way stand-in for BCrypt that counts its calls, so tests can see when hashing happens.</summary>
public sealed class CountingSecretHasher : ISecretHasher
{
    private int hashes;
    private int verifications;

    public string Algorithm => "test-sha256";

    public int Hashes => hashes;

    public int Verifications => verifications;

    public string Hash(string secret)
    {
        Interlocked.Increment(ref hashes);
        var salt = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        return $"{salt}${Digest(salt, secret)}";
    }

    public bool Verify(string secret, string hash)
    {
        Interlocked.Increment(ref verifications);
        var parts = hash.Split('$');
        return parts.Length == 2
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts[1]), Encoding.ASCII.GetBytes(Digest(parts[0], secret)));
    }

    private static string Digest(string salt, string secret) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(salt + secret)));
}
