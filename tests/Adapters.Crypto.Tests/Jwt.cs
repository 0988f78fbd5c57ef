using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace AutoRfpHex.Adapters.Crypto.Tests;

/// <summary>Reads and forges compact JWTs by hand, so tests see exactly what is on the wire.</summary>
internal static class Jwt
{
    public static JsonObject Header(string token) => Segment(token, 0);

    public static JsonObject Payload(string token) => Segment(token, 1);

    public static string Encode(JsonObject json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json.ToJsonString()));

    /// <summary>A token with the given header and payload, signed ES256 by <paramref name="key"/>.</summary>
    public static string SignEs256(JsonObject header, JsonObject payload, ECDsa key)
    {
        var signingInput = $"{Encode(header)}.{Encode(payload)}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256);
        return $"{signingInput}.{Base64UrlEncoder.Encode(signature)}";
    }

    private static JsonObject Segment(string token, int index) =>
        JsonNode.Parse(Base64UrlEncoder.Decode(token.Split('.')[index]))!.AsObject();
}
