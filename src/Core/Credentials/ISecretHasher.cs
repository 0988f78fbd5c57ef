namespace AutoRfpHex.Core.Credentials;

/// <summary>Slow, salted one-way hashing of secret keys (BCrypt in production).</summary>
public interface ISecretHasher
{
    string Algorithm { get; }

    string Hash(string secret);

    bool Verify(string secret, string hash);
}
