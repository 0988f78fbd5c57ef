using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Adapters.Mongo.Scim;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Diagnostics;

/// <summary>
/// What a list query costs inside MongoDB, for benchmarks: <c>explain</c> (executionStats) of the exact count and page the
/// store sends for it (built by the store's own <see cref="MongoScimListQueries"/>, lookups resolved). Explain runs the
/// operations, so it reads what they read. Not used by the service. Cursor pages (ScimQuery.Seek) are not diagnosed.
/// </summary>
public static class MongoQueryDiagnostics
{
    public static async Task<MongoQueryDiagnosis> DiagnoseAsync(
        MongoStore store, IMongoScimQueryTranslation translation, Tenant tenant, ScimResourceType type, ScimQuery query, CancellationToken cancellationToken)
    {
        if (query.Seek is not null)
        {
            throw new ArgumentException("Cursor pages (keyset seeks) are not diagnosed; diagnose a startIndex page.", nameof(query));
        }

        var list = await new MongoScimListQueries(store, translation).BuildAsync(tenant, type, query, cancellationToken);
        var resources = store.Documents(MongoCollectionNames.ScimResources);
        var total = await resources.CountDocumentsAsync(list.Filter, cancellationToken: cancellationToken);
        return new MongoQueryDiagnosis(
            total,
            await ExplainAsync(store.Database, MongoExplainCommands.Count(resources, list), cancellationToken),
            list.PageIsEmpty(total) ? null : await ExplainAsync(store.Database, MongoExplainCommands.Page(resources, list), cancellationToken));
    }

    private static async Task<MongoOperationDiagnosis> ExplainAsync(IMongoDatabase database, BsonDocument command, CancellationToken cancellationToken) =>
        MongoExplainAnswer.Read(command, await database.RunCommandAsync<BsonDocument>(MongoExplainCommands.Explain(command), cancellationToken: cancellationToken));
}
