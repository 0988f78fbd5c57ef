using AutoRfpHex.Adapters.Mongo.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Health;

/// <summary>Ready when the database answers a ping: an instance that cannot reach MongoDB should get no traffic.</summary>
public sealed class MongoReadinessCheck(MongoStore store) : IHealthCheck
{
    public const string Name = "mongodb";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // A probe must answer within its own patience, not the 30 s a request may wait through a primary election.
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(store.Options.ServerSelectionTimeout);
        try
        {
            await store.Database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: patience.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is TimeoutException or MongoDB.Driver.MongoException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"MongoDB database '{store.Options.DatabaseName}' does not answer.", ex);
        }
    }
}
