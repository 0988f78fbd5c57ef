using System.Text;
using AutoRfpHex.Core.Credentials;

namespace AutoRfpHex.Adapters.Crypto;

/// <summary>
/// BCrypt (BCrypt.Net-Next), salted, constant-time verification. BCrypt silently ignores input past 72 bytes, so
/// longer input is refused rather than truncated: Core hashes only a key's 43-character random part.
/// </summary>
public sealed class BCryptSecretHasher : ISecretHasher
{
    public const int MaxInputBytes = 72;

    public BCryptSecretHasher(int workFactor = 11)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workFactor, 4);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(workFactor, 31);
        WorkFactor = workFactor;
    }

    public string Algorithm => "bcrypt";

    /// <summary>The cost of new hashes; verification uses the cost recorded in each hash, so it can be raised later.</summary>
    public int WorkFactor { get; }

    public string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (Encoding.UTF8.GetByteCount(secret) > MaxInputBytes)
        {
            throw new ArgumentException($"BCrypt uses only the first {MaxInputBytes} bytes; hash a shorter value.", nameof(secret));
        }

        return BCrypt.Net.BCrypt.HashPassword(secret, WorkFactor);
    }

    public bool Verify(string secret, string hash)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(hash);
        if (Encoding.UTF8.GetByteCount(secret) > MaxInputBytes)
        {
            return false;
        }

        try
        {
            return BCrypt.Net.BCrypt.Verify(secret, hash);
        }
        catch (BCrypt.Net.SaltParseException)
        {
            return false;
        }
    }
}
