using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Adapters.Mongo.Documents;
using AutoRfpHex.Core.Credentials;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Credentials;

internal sealed class MongoClientSecretStore(MongoStore store) : IClientSecretStore
{
    private static readonly FilterDefinitionBuilder<ClientSecretDocument> Filter = Builders<ClientSecretDocument>.Filter;

    private readonly IMongoCollection<OAuthClientDocument> clients = store.Collection<OAuthClientDocument>(MongoCollectionNames.OAuthClients);
    private readonly IMongoCollection<ClientSecretDocument> secrets = store.Collection<ClientSecretDocument>(MongoCollectionNames.ClientSecrets);

    /// <summary>
    /// The new secret and the superseding of the others in one transaction, as the embedded store does: two keys created at
    /// once both write the previous key, so one of them retries, sees the other and supersedes it (the last one wins) instead
    /// of each expiring the other and leaving the client with none.
    /// </summary>
    public Task CreateAsync(ClientSecret secret, DateTimeOffset previousSecretsExpireAt, CancellationToken cancellationToken) =>
        MongoTransactions.RunAsync(store.Client, async (session, ct) =>
        {
            var client = await clients.Find(session, c => c.OrganizationId == secret.OrganizationId && c.ClientId == secret.ClientId).AnyAsync(ct);
            if (!client)
            {
                throw new InvalidOperationException($"Organization '{secret.OrganizationId}' has no OAuth client '{secret.ClientId}'.");
            }

            await secrets.InsertOneAsync(session, ClientSecretDocument.From(secret), cancellationToken: ct);
            await secrets.UpdateManyAsync(session, SupersededBy(secret, previousSecretsExpireAt),
                Builders<ClientSecretDocument>.Update.Set(s => s.ExpiresAt, previousSecretsExpireAt), cancellationToken: ct);
            return true;
        }, cancellationToken);

    /// <summary>The client's other still-usable secrets whose expiry is later than the new one (superseding never extends a life).</summary>
    internal static FilterDefinition<ClientSecretDocument> SupersededBy(ClientSecret secret, DateTimeOffset expireAt) =>
        Filter.Eq(s => s.OrganizationId, secret.OrganizationId)
        & Filter.Eq(s => s.ClientId, secret.ClientId)
        & Filter.Ne(s => s.SecretId, secret.SecretId)
        & Filter.Eq(s => s.RevokedAt, null)
        & (Filter.Eq(s => s.ExpiresAt, null) | Filter.Gt(s => s.ExpiresAt, expireAt));

    public async Task<ClientSecret?> FindAsync(string secretId, CancellationToken cancellationToken) =>
        (await secrets.Find(s => s.SecretId == secretId).FirstOrDefaultAsync(cancellationToken))?.ToSecret();

    public async Task<IReadOnlyList<ClientSecret>> ListAsync(string organizationId, string clientId, CancellationToken cancellationToken)
    {
        var documents = await secrets.Find(s => s.OrganizationId == organizationId && s.ClientId == clientId)
            .SortByDescending(s => s.CreatedAt).ThenBy(s => s.SecretId).ToListAsync(cancellationToken);
        return documents.ConvertAll(s => s.ToSecret());
    }

    public async Task<ClientSecret?> RevokeAsync(string organizationId, string clientId, string secretId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var scope = Filter.Eq(s => s.OrganizationId, organizationId) & Filter.Eq(s => s.ClientId, clientId) & Filter.Eq(s => s.SecretId, secretId);

        // Only the first revocation sets the time; a second one reads the secret as it is.
        var revoked = await secrets.FindOneAndUpdateAsync(scope & Filter.Eq(s => s.RevokedAt, null),
            Builders<ClientSecretDocument>.Update.Set(s => s.RevokedAt, at),
            new FindOneAndUpdateOptions<ClientSecretDocument> { ReturnDocument = ReturnDocument.After }, cancellationToken);
        revoked ??= await secrets.Find(scope).FirstOrDefaultAsync(cancellationToken);
        return revoked?.ToSecret();
    }

    public Task RecordUseAsync(string secretId, DateTimeOffset at, CancellationToken cancellationToken) =>
        secrets.UpdateOneAsync(Filter.Eq(s => s.SecretId, secretId) & (Filter.Eq(s => s.LastUsedAt, null) | Filter.Lt(s => s.LastUsedAt, at)),
            Builders<ClientSecretDocument>.Update.Set(s => s.LastUsedAt, at), cancellationToken: cancellationToken);
}
