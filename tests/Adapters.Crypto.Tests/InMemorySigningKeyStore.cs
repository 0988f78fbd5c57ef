using AutoRfpHex.Core.Credentials;

namespace AutoRfpHex.Adapters.Crypto.Tests;

/// <summary>Signing keys shared by every "instance" of a test, listed newest first; adding an existing id is a no-op.</summary>
public sealed class InMemorySigningKeyStore : ISigningKeyStore
{
    private readonly Lock gate = new();
    private readonly List<SigningKey> keys = [];

    public int AddCalls { get; private set; }

    public IReadOnlyList<SigningKey> Keys
    {
        get
        {
            lock (gate)
            {
                return keys.ToList();
            }
        }
    }

    public Task<IReadOnlyList<SigningKey>> ListAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<SigningKey> newestFirst = keys.Select((key, index) => (key, index))
                .OrderByDescending(e => e.key.CreatedAt)
                .ThenByDescending(e => e.index)
                .Select(e => e.key)
                .ToList();
            return Task.FromResult(newestFirst);
        }
    }

    public Task AddAsync(SigningKey key, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            AddCalls++;
            if (keys.All(k => k.KeyId != key.KeyId))
            {
                keys.Add(key);
            }
        }

        return Task.CompletedTask;
    }

    public void Retire(string keyId, DateTimeOffset at)
    {
        lock (gate)
        {
            var index = keys.FindIndex(k => k.KeyId == keyId);
            keys[index] = keys[index] with { RetiredAt = at };
        }
    }
}
