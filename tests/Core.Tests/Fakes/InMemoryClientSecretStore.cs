using AutoRfpHex.Core.Credentials;

namespace AutoRfpHex.Core.Tests.Fakes;

/// <summary>Secrets by id; superseding and revocation follow the port's contract. Exposes its records so tests can scan them.</summary>
public sealed class InMemoryClientSecretStore : IClientSecretStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, ClientSecret> secrets = new(StringComparer.Ordinal);

    public int RecordUseCalls { get; private set; }

    public IReadOnlyList<ClientSecret> All
    {
        get
        {
            lock (gate)
            {
                return secrets.Values.ToList();
            }
        }
    }

    public Task CreateAsync(ClientSecret secret, DateTimeOffset previousSecretsExpireAt, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (secrets.ContainsKey(secret.SecretId))
            {
                throw new InvalidOperationException($"Secret '{secret.SecretId}' already exists.");
            }

            foreach (var previous in secrets.Values.Where(s => s.ClientId == secret.ClientId && s.IsUsableAt(secret.CreatedAt)).ToList())
            {
                var expiry = previous.ExpiresAt is { } current && current < previousSecretsExpireAt ? current : previousSecretsExpireAt;
                secrets[previous.SecretId] = previous with { ExpiresAt = expiry };
            }

            secrets[secret.SecretId] = secret;
        }

        return Task.CompletedTask;
    }

    public Task<ClientSecret?> FindAsync(string secretId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(secrets.GetValueOrDefault(secretId));
        }
    }

    public Task<IReadOnlyList<ClientSecret>> ListAsync(string organizationId, string clientId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<ClientSecret> list = secrets.Values
                .Where(s => s.OrganizationId == organizationId && s.ClientId == clientId)
                .ToList();
            return Task.FromResult(list);
        }
    }

    public Task<ClientSecret?> RevokeAsync(string organizationId, string clientId, string secretId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!secrets.TryGetValue(secretId, out var secret) || secret.OrganizationId != organizationId || secret.ClientId != clientId)
            {
                return Task.FromResult<ClientSecret?>(null);
            }

            var revoked = secret with { RevokedAt = secret.RevokedAt ?? at };
            secrets[secretId] = revoked;
            return Task.FromResult<ClientSecret?>(revoked);
        }
    }

    public Task RecordUseAsync(string secretId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            RecordUseCalls++;
            if (secrets.TryGetValue(secretId, out var secret))
            {
                secrets[secretId] = secret with { LastUsedAt = at };
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Changes a record behind the use cases' back, as another instance would.</summary>
    public void Replace(ClientSecret secret)
    {
        lock (gate)
        {
            secrets[secret.SecretId] = secret;
        }
    }

    internal void DeleteOfClient(string clientId)
    {
        lock (gate)
        {
            foreach (var id in secrets.Values.Where(s => s.ClientId == clientId).Select(s => s.SecretId).ToList())
            {
                secrets.Remove(id);
            }
        }
    }
}
