namespace AutoRfpHex.Adapters.Mongo;

/// <summary>Where the MongoDB store lives and how patient it is with the server.</summary>
public sealed record MongoStorageOptions(string ConnectionString, string DatabaseName)
{
    /// <summary>
    /// How long the start-up check and the readiness probe wait for a usable server. Short, so an unreachable MongoDB is a
    /// clear start-up error within seconds; requests keep the driver's longer wait, which rides out a primary election.
    /// </summary>
    public TimeSpan ServerSelectionTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long provisioning log events are kept (a TTL index removes older ones); 1 s to <see cref="MaxProvisioningLogRetention"/>.</summary>
    public TimeSpan ProvisioningLogRetention { get; init; } = TimeSpan.FromDays(365);

    /// <summary>MongoDB refuses a TTL index whose expireAfterSeconds does not fit in 32 bits (about 68 years).</summary>
    public static readonly TimeSpan MaxProvisioningLogRetention = TimeSpan.FromSeconds(int.MaxValue);

    /// <summary>
    /// At most this many ids, over all the lookups of one filter (group members, a user's groups, members by display), are
    /// inlined into the resource query; more is a 400 tooMany. The ids travel in the query document, which MongoDB caps at
    /// 16 MB; 100,000 ids of up to 64 characters stay well under it.
    /// </summary>
    public int MaxFilterLookupIds { get; init; } = 100_000;
}
