namespace AutoRfpHex.Bootstrap.Composition;

/// <summary><c>Storage</c> configuration: which persistence adapter serves the ports.</summary>
public sealed class StorageSettings
{
    public const string Section = "Storage";

    /// <summary><c>embedded</c> (SQLite file, the default) or <c>mongo</c>.</summary>
    public string Provider { get; set; } = "embedded";

    public EmbeddedStorageSettings Embedded { get; set; } = new();

    public MongoStorageSettings Mongo { get; set; } = new();
}

public sealed class EmbeddedStorageSettings
{
    /// <summary>Database file; relative paths are resolved against the working directory.</summary>
    public string Path { get; set; } = "data/autorfphex.db";
}

public sealed class MongoStorageSettings
{
    /// <summary>A MongoDB connection string; a replica set (a single-node one will do) for the multi-document transactions.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    public string Database { get; set; } = "autorfphex";

    /// <summary>How long the start and the readiness probe wait for a reachable server (requests wait the driver's 30 s).</summary>
    public double ServerSelectionTimeoutSeconds { get; set; } = 5;

    /// <summary>Ids a filter's membership lookups may inline into one query before it is refused (400 tooMany).</summary>
    public int MaxFilterLookupIds { get; set; } = 100_000;
}
