using System.Numerics;

namespace AutoRfpHex.Core.Credentials.SecretKeys;

/// <summary>Base62 (0-9, A-Z, a-z): url-safe, no separators, and double-click selects a whole key.</summary>
internal static class Base62
{
    public const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>Encodes <paramref name="bytes"/> as a big-endian unsigned number, left-padded with '0' to <paramref name="length"/>.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes, int length)
    {
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        return Encode(value, length);
    }

    public static string Encode(BigInteger value, int length)
    {
        var chars = new char[length];
        for (var i = length - 1; i >= 0; i--)
        {
            value = BigInteger.DivRem(value, Alphabet.Length, out var digit);
            chars[i] = Alphabet[(int)digit];
        }

        if (!value.IsZero)
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"The value needs more than {length} base62 digits.");
        }

        return new string(chars);
    }

    public static bool IsBase62(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
