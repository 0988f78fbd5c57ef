using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Credentials;
using Microsoft.IdentityModel.Tokens;

namespace AutoRfpHex.Adapters.Crypto.Signing;

/// <summary>
/// A stored signing key brought to life: the private key read from its PEM, the credentials to sign with and the
/// public JWK to publish. The key id is the RFC 7638 thumbprint of the public key, so it is stable and needs no registry.
/// </summary>
public sealed class SigningKeyMaterial
{
    private SigningKeyMaterial(SigningKey record, AsymmetricSecurityKey securityKey, JsonObject publicJwk)
    {
        Record = record;
        SecurityKey = securityKey;
        PublicJwk = publicJwk;
        Credentials = new SigningCredentials(securityKey, record.Algorithm);
    }

    public SigningKey Record { get; }

    public string KeyId => Record.KeyId;

    public AsymmetricSecurityKey SecurityKey { get; }

    public SigningCredentials Credentials { get; }

    /// <summary>The public half only, as one entry of a JWK Set.</summary>
    public JsonObject PublicJwk { get; }

    /// <summary>Makes a fresh key pair. The private key is kept as PKCS#8 PEM in the store (encrypting it with a KMS is future work).</summary>
    public static SigningKey Generate(string algorithm, DateTimeOffset now)
    {
        string pem = algorithm switch
        {
            SigningAlgorithms.ES256 => ExportAndDispose(ECDsa.Create(ECCurve.NamedCurves.nistP256)),
            SigningAlgorithms.RS256 => ExportAndDispose(RSA.Create(2048)),
            _ => throw new ArgumentException($"Signing algorithm '{algorithm}' is not supported.", nameof(algorithm)),
        };
        var keyId = Load(new SigningKey("pending", algorithm, pem, now, null)).ThumbprintKeyId();
        return new SigningKey(keyId, algorithm, pem, now, null);
    }

    public static SigningKeyMaterial Load(SigningKey record)
    {
        ArgumentNullException.ThrowIfNull(record);
        switch (record.Algorithm)
        {
            case SigningAlgorithms.ES256:
                var ecdsa = ECDsa.Create();
                ecdsa.ImportFromPem(record.PrivateKeyPem);
                var ecParameters = ecdsa.ExportParameters(includePrivateParameters: false);
                return new SigningKeyMaterial(
                    record,
                    new ECDsaSecurityKey(ecdsa) { KeyId = record.KeyId },
                    new JsonObject
                    {
                        ["kty"] = "EC",
                        ["crv"] = "P-256",
                        ["x"] = Base64UrlEncoder.Encode(ecParameters.Q.X),
                        ["y"] = Base64UrlEncoder.Encode(ecParameters.Q.Y),
                    });
            case SigningAlgorithms.RS256:
                var rsa = RSA.Create();
                rsa.ImportFromPem(record.PrivateKeyPem);
                var rsaParameters = rsa.ExportParameters(includePrivateParameters: false);
                return new SigningKeyMaterial(
                    record,
                    new RsaSecurityKey(rsa) { KeyId = record.KeyId },
                    new JsonObject
                    {
                        ["kty"] = "RSA",
                        ["n"] = Base64UrlEncoder.Encode(rsaParameters.Modulus),
                        ["e"] = Base64UrlEncoder.Encode(rsaParameters.Exponent),
                    });
            default:
                throw new InvalidOperationException($"Stored signing key '{record.KeyId}' uses unsupported algorithm '{record.Algorithm}'.");
        }
    }

    /// <summary>The JWKS entry: public members plus <c>kid</c>, <c>use</c> and <c>alg</c>.</summary>
    public JsonObject ToJwk()
    {
        var jwk = (JsonObject)PublicJwk.DeepClone();
        jwk["kid"] = KeyId;
        jwk["use"] = "sig";
        jwk["alg"] = Record.Algorithm;
        return jwk;
    }

    /// <summary>RFC 7638: SHA-256 over the required public members in lexicographic order, base64url.</summary>
    private string ThumbprintKeyId()
    {
        var canonical = PublicJwk["kty"]!.GetValue<string>() == "EC"
            ? $$"""{"crv":"{{PublicJwk["crv"]}}","kty":"EC","x":"{{PublicJwk["x"]}}","y":"{{PublicJwk["y"]}}"}"""
            : $$"""{"e":"{{PublicJwk["e"]}}","kty":"RSA","n":"{{PublicJwk["n"]}}"}""";
        return Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));
    }

    private static string ExportAndDispose(AsymmetricAlgorithm key)
    {
        using (key)
        {
            return key.ExportPkcs8PrivateKeyPem();
        }
    }
}
