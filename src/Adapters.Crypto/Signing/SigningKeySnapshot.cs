using AutoRfpHex.Core.Credentials;
using Microsoft.IdentityModel.Tokens;

namespace AutoRfpHex.Adapters.Crypto.Signing;

/// <summary>The keys as read at one moment: the one that signs, and every key still trusted (and published).</summary>
public sealed class SigningKeySnapshot
{
    private SigningKeySnapshot(SigningKeyMaterial active, IReadOnlyList<SigningKeyMaterial> trusted, DateTimeOffset loadedAt)
    {
        Active = active;
        Trusted = trusted;
        LoadedAt = loadedAt;
    }

    public SigningKeyMaterial Active { get; }

    /// <summary>Newest first; includes <see cref="Active"/>.</summary>
    public IReadOnlyList<SigningKeyMaterial> Trusted { get; }

    public DateTimeOffset LoadedAt { get; }

    public IReadOnlyList<SecurityKey> SecurityKeys => Trusted.Select(k => (SecurityKey)k.SecurityKey).ToList();

    /// <param name="keys">Newest first, as the store lists them.</param>
    /// <param name="previous">Keys already loaded are reused rather than parsed again from their PEM.</param>
    internal static SigningKeySnapshot From(IReadOnlyList<SigningKey> keys, TimeSpan overlap, DateTimeOffset now, SigningKeySnapshot? previous)
    {
        var loaded = previous?.Trusted.ToDictionary(k => k.KeyId, StringComparer.Ordinal) ?? [];
        var ordered = keys.Where(k => SigningAlgorithms.IsSupported(k.Algorithm)).ToList();
        var activeRecord = ordered.First(k => k.RetiredAt is null);
        var trusted = new List<SigningKeyMaterial>();
        DateTimeOffset? newerCreatedAt = null;
        foreach (var key in ordered)
        {
            // A key is superseded when it is retired or when a newer key exists, whichever came first.
            var supersededAt = Earliest(key.RetiredAt, key == activeRecord ? null : newerCreatedAt);
            if (key == activeRecord || supersededAt is null || now < supersededAt + overlap)
            {
                trusted.Add(loaded.TryGetValue(key.KeyId, out var known) && known.Record.PrivateKeyPem == key.PrivateKeyPem
                    ? known
                    : SigningKeyMaterial.Load(key));
            }

            newerCreatedAt = key.CreatedAt;
        }

        return new SigningKeySnapshot(trusted.Single(k => k.KeyId == activeRecord.KeyId), trusted, now);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
