using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Adapters.Mongo.Documents;
using AutoRfpHex.Core.Credentials;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Credentials;

internal sealed class MongoOAuthClientStore(MongoStore store) : IOAuthClientStore
{
    private readonly IMongoCollection<OAuthClientDocument> clients = store.Collection<OAuthClientDocument>(MongoCollectionNames.OAuthClients);
    private readonly IMongoCollection<ClientSecretDocument> secrets = store.Collection<ClientSecretDocument>(MongoCollectionNames.ClientSecrets);

    public async Task CreateAsync(OAuthClient client, CancellationToken cancellationToken)
    {
        try
        {
            await clients.InsertOneAsync(OAuthClientDocument.From(client), cancellationToken: cancellationToken);
        }
        catch (MongoWriteException ex) when (DuplicateKey.Is(ex))
        {
            throw new InvalidOperationException($"An OAuth client with id '{client.ClientId}' already exists.", ex);
        }
    }

    /// <summary>Global by design: client ids are globally unique and the caller knows no organization yet.</summary>
    public async Task<OAuthClient?> FindAsync(string clientId, CancellationToken cancellationToken) =>
        (await clients.Find(c => c.ClientId == clientId).FirstOrDefaultAsync(cancellationToken))?.ToClient();

    public async Task<IReadOnlyList<OAuthClient>> ListAsync(string organizationId, CancellationToken cancellationToken)
    {
        var documents = await clients.Find(c => c.OrganizationId == organizationId)
            .SortBy(c => c.CreatedAt).ThenBy(c => c.ClientId).ToListAsync(cancellationToken);
        return documents.ConvertAll(c => c.ToClient());
    }

    public async Task<bool> DeleteAsync(string organizationId, string clientId, CancellationToken cancellationToken)
    {
        var deleted = await clients.DeleteOneAsync(c => c.OrganizationId == organizationId && c.ClientId == clientId, cancellationToken);
        if (deleted.DeletedCount == 0)
        {
            return false;
        }

        // After the client: a secret left by a crash in between belongs to no client, and FindAsync of the client fails first.
        await secrets.DeleteManyAsync(s => s.OrganizationId == organizationId && s.ClientId == clientId, cancellationToken);
        return true;
    }
}
