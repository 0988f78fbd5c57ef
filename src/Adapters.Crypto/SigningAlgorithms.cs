namespace AutoRfpHex.Adapters.Crypto;

/// <summary>The JWS algorithms we sign and accept; anything else (<c>none</c>, HS256, ...) is refused.</summary>
public static class SigningAlgorithms
{
    public const string ES256 = "ES256";
    public const string RS256 = "RS256";

    public static readonly IReadOnlyList<string> All = [ES256, RS256];

    public static bool IsSupported(string? algorithm) => algorithm is ES256 or RS256;
}
