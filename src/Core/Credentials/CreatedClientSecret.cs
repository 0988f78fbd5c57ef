namespace AutoRfpHex.Core.Credentials;

/// <summary>
/// A new secret key: <see cref="SecretKey"/> is the only time the clear secret exists outside the caller's hands.
/// Send it with <c>Cache-Control: no-store</c> and never log it; <see cref="ToString"/> leaves it out.
/// </summary>
public sealed record CreatedClientSecret(string SecretKey, ClientSecretSummary Secret)
{
    public override string ToString() => $"CreatedClientSecret {{ Secret = {Secret} }}";
}
