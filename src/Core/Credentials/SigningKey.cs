namespace AutoRfpHex.Core.Credentials;

/// <summary>
/// A persisted token-signing key, shared by every instance. <see cref="PrivateKeyPem"/> is opaque to Core;
/// the crypto adapter creates and reads it.
/// </summary>
public sealed record SigningKey(string KeyId, string Algorithm, string PrivateKeyPem, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt);
