using System.Collections.Concurrent;
using AutoRfpHex.Core.Credentials;

namespace AutoRfpHex.Core.Tests.Fakes;

/// <summary>Clients by id; deleting a client deletes its secrets, as the port requires.</summary>
public sealed class InMemoryOAuthClientStore(InMemoryClientSecretStore secrets) : IOAuthClientStore
{
    private readonly ConcurrentDictionary<string, OAuthClient> clients = new(StringComparer.Ordinal);

    public Task CreateAsync(OAuthClient client, CancellationToken cancellationToken)
    {
        if (!clients.TryAdd(client.ClientId, client))
        {
            throw new InvalidOperationException($"Client '{client.ClientId}' already exists.");
        }

        return Task.CompletedTask;
    }

    public Task<OAuthClient?> FindAsync(string clientId, CancellationToken cancellationToken) =>
        Task.FromResult(clients.GetValueOrDefault(clientId));

    public Task<IReadOnlyList<OAuthClient>> ListAsync(string organizationId, CancellationToken cancellationToken)
    {
        IReadOnlyList<OAuthClient> list = clients.Values
            .Where(c => c.OrganizationId == organizationId)
            .OrderBy(c => c.CreatedAt)
            .ToList();
        return Task.FromResult(list);
    }

    public Task<bool> DeleteAsync(string organizationId, string clientId, CancellationToken cancellationToken)
    {
        if (!clients.TryGetValue(clientId, out var client) || client.OrganizationId != organizationId)
        {
            return Task.FromResult(false);
        }

        clients.TryRemove(clientId, out _);
        secrets.DeleteOfClient(clientId);
        return Task.FromResult(true);
    }
}
