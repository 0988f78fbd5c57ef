using AutoRfpHex.Core.Credentials.SecretKeys;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Credentials.ScimAuthentication;

/// <summary>
/// Checks a presented secret key against its stored hash. When there is no record to check against, it verifies
/// against a dummy hash anyway, so an unknown client or key costs the same time as a wrong secret and timing does
/// not tell which client ids exist. Keep one per process: the dummy hash is computed once.
/// </summary>
public sealed class SecretVerifier(ISecretHasher hasher)
{
    private readonly Lazy<string> dummyHash = new(
        () => hasher.Hash(SecretKeyFormat.Generate(DeploymentEnvironment.Production).RandomPart),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True only when <paramref name="stored"/> exists and its hash matches the key's random part.</summary>
    public bool Verify(SecretKey presented, ClientSecret? stored)
    {
        ArgumentNullException.ThrowIfNull(presented);
        if (stored is null || !string.Equals(stored.HashAlgorithm, hasher.Algorithm, StringComparison.Ordinal))
        {
            hasher.Verify(presented.RandomPart, dummyHash.Value);
            return false;
        }

        return hasher.Verify(presented.RandomPart, stored.Hash);
    }

    /// <summary>Computes the dummy hash now, so the first unknown client does not pay for it (and stand out).</summary>
    public void WarmUp() => _ = dummyHash.Value;
}
