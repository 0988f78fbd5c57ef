using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Adapters.Mongo.Documents;
using AutoRfpHex.Core.Organizations;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Organizations;

internal sealed class MongoOrganizationStore(MongoStore store) : IOrganizationStore
{
    private readonly IMongoCollection<OrganizationDocument> organizations = store.Collection<OrganizationDocument>(MongoCollectionNames.Organizations);

    public async Task<Organization?> GetAsync(string organizationId, CancellationToken cancellationToken)
    {
        var document = await organizations.Find(o => o.Id == organizationId).FirstOrDefaultAsync(cancellationToken);
        return document?.ToOrganization();
    }

    public async Task CreateAsync(Organization organization, CancellationToken cancellationToken)
    {
        try
        {
            await organizations.InsertOneAsync(OrganizationDocument.From(organization), cancellationToken: cancellationToken);
        }
        catch (MongoWriteException ex) when (DuplicateKey.Is(ex)) // the id is the document's _id
        {
            throw new OrganizationAlreadyExistsException(organization.Id);
        }
    }

    public async Task<Organization?> SetScimEnabledAsync(string organizationId, bool enabled, CancellationToken cancellationToken)
    {
        var updated = await organizations.FindOneAndUpdateAsync(
            Builders<OrganizationDocument>.Filter.Eq(o => o.Id, organizationId),
            Builders<OrganizationDocument>.Update.Set(o => o.ScimEnabled, enabled),
            new FindOneAndUpdateOptions<OrganizationDocument> { ReturnDocument = ReturnDocument.After },
            cancellationToken);
        return updated?.ToOrganization();
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken) =>
        await organizations.Find(FilterDefinition<OrganizationDocument>.Empty).Limit(1).AnyAsync(cancellationToken);
}
