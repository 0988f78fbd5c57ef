using System.Data.Common;
using System.Text;
using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Core.ProvisioningLog;

namespace AutoRfpHex.Adapters.Sqlite.ProvisioningLog;

internal sealed class SqliteProvisioningLog(SqliteDatabase database) : IProvisioningLog
{
    private const string Columns =
        "event_id, time, organization_id, environment, client_id, impersonated_user_id, operation, resource_type, resource_id, outcome, status, error_detail, change";

    public Task AppendAsync(ProvisioningEvent provisioningEvent, CancellationToken cancellationToken) =>
        AppendAllAsync([provisioningEvent], cancellationToken);

    public async Task AppendAllAsync(IReadOnlyList<ProvisioningEvent> provisioningEvents, CancellationToken cancellationToken)
    {
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        foreach (var e in provisioningEvents)
        {
            await scope.Connection.ExecuteAsync(
                $"INSERT INTO provisioning_events ({Columns}) VALUES ($id, $time, $org, $env, $client, $user, $op, $type, $resource, $outcome, $status, $error, $change);",
                cancellationToken,
                ("$id", e.Id), ("$time", SqliteTime.ToText(e.Time)), ("$org", e.OrganizationId),
                ("$env", e.Environment is { } environment ? TenantColumns.Environment(environment) : null),
                ("$client", e.ClientId), ("$user", e.ImpersonatedUserId), ("$op", e.Operation), ("$type", e.ResourceType),
                ("$resource", e.ResourceId), ("$outcome", e.Outcome.ToString()), ("$status", e.Status), ("$error", e.ErrorDetail),
                ("$change", e.Change?.ToString()));
        }

        await scope.CommitAsync(cancellationToken);
    }

    public async Task<ProvisioningEventPage> QueryAsync(string organizationId, ProvisioningEventQuery query, CancellationToken cancellationToken)
    {
        var where = new StringBuilder("organization_id = $org");
        if (query.ClientId is not null)
        {
            where.Append(" AND client_id = $client");
        }

        if (query.Outcome is not null)
        {
            where.Append(" AND outcome = $outcome");
        }

        (string, object?)[] parameters =
        [
            ("$org", organizationId), ("$client", query.ClientId), ("$outcome", query.Outcome?.ToString()),
            ("$limit", Math.Max(query.Count, 0)), ("$offset", Math.Max(query.StartIndex, 1) - 1),
        ];

        // One read transaction: the page and its total come from the same snapshot.
        await using var scope = await database.BeginReadAsync(cancellationToken);
        var total = await scope.Connection.ScalarAsync<long>($"SELECT count(*) FROM provisioning_events WHERE {where};", cancellationToken, parameters);
        var events = await scope.Connection.ListAsync(
            $"SELECT {Columns} FROM provisioning_events WHERE {where} ORDER BY time DESC, sequence DESC LIMIT $limit OFFSET $offset;",
            Read, cancellationToken, parameters);
        return new ProvisioningEventPage(events, (int)total);
    }

    /// <summary>
    /// In batches of <see cref="DeleteBatch"/>, each its own short write, so pruning a large backlog never holds the write
    /// lock long enough to stall provisioning requests.
    /// </summary>
    public async Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        long deleted = 0;
        while (true)
        {
            await using var scope = await database.BeginWriteAsync(cancellationToken);
            var batch = await scope.Connection.ExecuteAsync(
                "DELETE FROM provisioning_events WHERE sequence IN (SELECT sequence FROM provisioning_events WHERE time < $cutoff LIMIT $batch);",
                cancellationToken, ("$cutoff", SqliteTime.ToText(cutoff)), ("$batch", DeleteBatch));
            await scope.CommitAsync(cancellationToken);
            deleted += batch;
            if (batch < DeleteBatch)
            {
                return deleted;
            }
        }
    }

    private const int DeleteBatch = 5_000;

    private static ProvisioningEvent Read(DbDataReader row) => new(
        row.GetString(0), SqliteTime.FromText(row.GetString(1)), row.GetString(2),
        row.NullableString(3) is { } environment ? TenantColumns.ParseEnvironment(environment) : null,
        row.NullableString(4), row.NullableString(5), row.GetString(6), row.NullableString(7), row.NullableString(8),
        Enum.Parse<ProvisioningOutcome>(row.GetString(9)), row.GetInt32(10), row.NullableString(11),
        row.NullableString(12) is { } change ? Enum.Parse<ProvisioningChange>(change) : null);
}
