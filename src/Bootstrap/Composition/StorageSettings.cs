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
    public string ConnectionString { get; set; } = string.Empty;

    public string Database { get; set; } = "autorfphex";
}
