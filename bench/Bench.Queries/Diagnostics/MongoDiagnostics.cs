using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Adapters.Mongo.Diagnostics;
using AutoRfpHex.Adapters.Mongo.Scim;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Bench.Queries.Diagnostics;

/// <summary>The MongoDB store: <see cref="MongoQueryDiagnostics"/> (explain) through the host's client and translation.</summary>
internal sealed class MongoDiagnostics(MongoStore store, IMongoScimQueryTranslation translation, Tenant tenant) : IQueryDiagnostics
{
    // The database name only: the connection string may carry credentials.
    public string Store => $"the MongoDB store (database `{store.Options.DatabaseName}`)";

    public async Task<StoreDiagnosis> DiagnoseAsync(ScimQuery query, CancellationToken cancellationToken) =>
        new MongoStoreDiagnosis(await MongoQueryDiagnostics.DiagnoseAsync(store, translation, tenant, ScimResourceType.User, query, cancellationToken));
}
