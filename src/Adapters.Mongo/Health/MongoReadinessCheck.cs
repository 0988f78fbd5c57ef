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
        try
        {
            await store.Database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is TimeoutException or MongoDB.Driver.MongoException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"MongoDB database '{store.Options.DatabaseName}' does not answer.", ex);
        }
    }
}
