using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Credentials.SecretKeys;

/// <summary>
/// Self-identifying secret keys: <c>arfp_{live|test}_{keyId}_{random}{checksum}</c>.
/// The environment marker keeps Sandbox keys away from Production; the key id lets a bare key (Okta's header
/// mode) find its one record; the CRC32 checksum lets this parser and secret scanners reject typos and junk
/// without a store lookup. Only the random part is secret, and only it is hashed.
/// </summary>
public static class SecretKeyFormat
{
    public const string Prefix = "arfp_";
    public const string LiveMarker = "live_";
    public const string TestMarker = "test_";
    public const int KeyIdLength = 12;
    public const int RandomPartLength = 43;
    public const int ChecksumLength = 6;

    /// <summary>72 characters: 5 + 5 + 12 + 1 + 43 + 6.</summary>
    public const int Length = 5 + 5 + KeyIdLength + 1 + RandomPartLength + ChecksumLength;

    private const int RandomBytes = 32;
    private const int HintTailLength = 4;

    /// <summary>Makes a new key with a fresh key id and 32 bytes from the CSPRNG.</summary>
    public static SecretKey Generate(DeploymentEnvironment environment)
    {
        Span<byte> random = stackalloc byte[RandomBytes];
        RandomNumberGenerator.Fill(random);
        return Compose(environment, NewKeyId(), Base62.Encode(random, RandomPartLength));
    }

    /// <summary>A fresh 12-character base62 key id (about 71 random bits).</summary>
    public static string NewKeyId() => RandomNumberGenerator.GetString(Base62.Alphabet, KeyIdLength);

    /// <summary>Parses a presented key. Rejects a wrong prefix, length, alphabet or checksum with no store access.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out SecretKey? key)
    {
        key = null;
        if (value is null || value.Length != Length || !value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = value.AsSpan(Prefix.Length);
        DeploymentEnvironment environment;
        if (rest.StartsWith(LiveMarker, StringComparison.Ordinal))
        {
            environment = DeploymentEnvironment.Production;
        }
        else if (rest.StartsWith(TestMarker, StringComparison.Ordinal))
        {
            environment = DeploymentEnvironment.Sandbox;
        }
        else
        {
            return false;
        }

        rest = rest[LiveMarker.Length..];
        var keyId = rest[..KeyIdLength];
        if (!Base62.IsBase62(keyId) || rest[KeyIdLength] != '_')
        {
            return false;
        }

        var randomAndChecksum = rest[(KeyIdLength + 1)..];
        if (!Base62.IsBase62(randomAndChecksum))
        {
            return false;
        }

        var body = value.AsSpan(0, Length - ChecksumLength);
        if (!randomAndChecksum[RandomPartLength..].SequenceEqual(Checksum(body)))
        {
            return false;
        }

        key = new SecretKey(environment, keyId.ToString(), randomAndChecksum[..RandomPartLength].ToString(), value);
        return true;
    }

    /// <summary>The non-secret display form: prefix, marker and key id, then the last four characters.</summary>
    public static string HintFor(string secretKey)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        var head = secretKey.Length >= Length ? secretKey[..(Length - ChecksumLength - RandomPartLength)] : Prefix;
        return $"{head}…{secretKey[^Math.Min(HintTailLength, secretKey.Length)..]}";
    }

    public static string MarkerFor(DeploymentEnvironment environment) => environment switch
    {
        DeploymentEnvironment.Production => LiveMarker,
        DeploymentEnvironment.Sandbox => TestMarker,
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "Unknown environment."),
    };

    internal static SecretKey Compose(DeploymentEnvironment environment, string keyId, string randomPart)
    {
        var body = $"{Prefix}{MarkerFor(environment)}{keyId}_{randomPart}";
        return new SecretKey(environment, keyId, randomPart, body + Checksum(body));
    }

    private static string Checksum(ReadOnlySpan<char> body)
    {
        Span<byte> ascii = stackalloc byte[body.Length];
        Encoding.ASCII.GetBytes(body, ascii);
        return Base62.Encode(Crc32.Compute(ascii), ChecksumLength);
    }
}
