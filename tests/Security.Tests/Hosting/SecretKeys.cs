using System.Numerics;
using System.Text;
using AutoRfpHex.Core.Credentials.SecretKeys;

namespace AutoRfpHex.Security.Tests.Hosting;

/// <summary>Well-formed secret keys that are wrong: what an attacker who knows a key id (it is in the hint) can send.</summary>
public static class SecretKeys
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>The same prefix, environment and key id as <paramref name="realKey"/>, another random part, a valid checksum.</summary>
    public static string WrongSecretFor(string realKey)
    {
        var body = realKey[..(SecretKeyFormat.Length - SecretKeyFormat.ChecksumLength - SecretKeyFormat.RandomPartLength)]
            + Random.Shared.GetString(Alphabet, SecretKeyFormat.RandomPartLength);
        var forged = body + Checksum(body);
        SecretKeyFormat.TryParse(forged, out var key).Should().BeTrue("a forged key must pass the format check, or it never reaches a secret check");
        key!.Value.Should().NotBe(realKey);
        return forged;
    }

    /// <summary>A fresh well-formed key whose key id exists nowhere.</summary>
    public static string Unknown() => SecretKeyFormat.Generate(Core.Tenancy.DeploymentEnvironment.Production).Value;

    // The format's public checksum: CRC-32 (IEEE) of the ASCII body, 6 base62 digits.
    private static string Checksum(string body)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in Encoding.ASCII.GetBytes(body))
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        BigInteger value = ~crc;
        var chars = new char[SecretKeyFormat.ChecksumLength];
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            value = BigInteger.DivRem(value, Alphabet.Length, out var digit);
            chars[i] = Alphabet[(int)digit];
        }

        return new string(chars);
    }
}
