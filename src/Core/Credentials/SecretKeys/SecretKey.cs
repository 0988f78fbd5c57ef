using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Credentials.SecretKeys;

/// <summary>
/// A well-formed secret key, split into its parts. A class rather than a record so that no generated
/// <c>ToString</c> can ever print the random part into a log: <see cref="ToString"/> shows the hint.
/// </summary>
public sealed class SecretKey
{
    internal SecretKey(DeploymentEnvironment environment, string keyId, string randomPart, string value)
    {
        Environment = environment;
        KeyId = keyId;
        RandomPart = randomPart;
        Value = value;
    }

    /// <summary>Production for <c>arfp_live_</c>, Sandbox for <c>arfp_test_</c>.</summary>
    public DeploymentEnvironment Environment { get; }

    /// <summary>The public key id: the <see cref="ClientSecret.SecretId"/> of its record.</summary>
    public string KeyId { get; }

    /// <summary>The 256 random bits (43 base62 chars): the only part that is hashed and stored.</summary>
    public string RandomPart { get; }

    /// <summary>The whole key as the user copies it.</summary>
    public string Value { get; }

    /// <summary>Non-secret display hint, e.g. <c>arfp_live_Ab12Cd34Ef56_…x9Yz</c>.</summary>
    public string Hint => SecretKeyFormat.HintFor(Value);

    public override string ToString() => Hint;
}
