using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Adapters.Mongo.Documents;
using AutoRfpHex.Core.Credentials;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Credentials;

internal sealed class MongoSigningKeyStore(MongoStore store) : ISigningKeyStore
{
    private readonly IMongoCollection<SigningKeyDocument> keys = store.Collection<SigningKeyDocument>(MongoCollectionNames.SigningKeys);

    public async Task<IReadOnlyList<SigningKey>> ListAsync(CancellationToken cancellationToken)
    {
        var documents = await keys.Find(FilterDefinition<SigningKeyDocument>.Empty)
            .SortByDescending(k => k.CreatedAt).ThenBy(k => k.KeyId).ToListAsync(cancellationToken);
        return documents.ConvertAll(k => k.ToSigningKey());
    }

    public async Task AddAsync(SigningKey key, CancellationToken cancellationToken)
    {
        // Two instances creating the first key at once both succeed; the first one's key stays (as ON CONFLICT DO NOTHING).
        try
        {
            await keys.InsertOneAsync(SigningKeyDocument.From(key), cancellationToken: cancellationToken);
        }
        catch (MongoWriteException ex) when (DuplicateKey.Is(ex))
        {
        }
    }
}
