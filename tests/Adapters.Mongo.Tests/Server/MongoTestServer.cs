using System.Diagnostics;
using DotNet.Testcontainers.Configurations;
using Testcontainers.MongoDb;

namespace AutoRfpHex.Adapters.Mongo.Tests.Server;

/// <summary>
/// The MongoDB server the server-backed tests use, found once per process: <c>MONGODB_URI</c> when set, else a
/// Testcontainers replica set (so transactions work) when a Docker engine answers, else none, with the reason.
/// Detection is cheap (no container is started until a test asks for the connection string).
/// </summary>
public static class MongoTestServer
{
    public const string UriVariable = "MONGODB_URI";

    private const string Image = "mongo:8.0";

    private static readonly Lazy<Detection> Detected = new(Detect, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<Task<string>> Container = new(StartContainerAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Null when a server is available; otherwise why the server-backed tests are skipped.</summary>
    public static string? UnavailableReason => Detected.Value.UnavailableReason;

    /// <summary>How long detection took (for the detection test: it must stay well under the 2 s budget).</summary>
    public static TimeSpan DetectionTime => Detected.Value.Took;

    /// <summary>The connection string of the server; starts the container on first call when Docker is the source.</summary>
    public static Task<string> GetConnectionStringAsync()
    {
        var detection = Detected.Value;
        if (detection.UnavailableReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        return detection.Uri is { } uri ? Task.FromResult(uri) : Container.Value;
    }

    private static Detection Detect()
    {
        var clock = Stopwatch.StartNew();
        var uri = Environment.GetEnvironmentVariable(UriVariable);
        if (!string.IsNullOrWhiteSpace(uri))
        {
            return new Detection(uri, null, clock.Elapsed);
        }

        // Testcontainers resolves the Docker endpoint once per process; null means no engine answered on any endpoint.
        string? reason = null;
        try
        {
            if (TestcontainersSettings.OS.DockerEndpointAuthConfig is null)
            {
                reason = "no Docker engine answered";
            }
        }
        catch (Exception ex)
        {
            reason = "Docker engine not reachable: " + ex.Message.Split('\n')[0];
        }

        return reason is null
            ? new Detection(null, null, clock.Elapsed)
            : new Detection(null, $"No MongoDB server for these tests: {UriVariable} is not set and {reason} (Testcontainers.MongoDb).", clock.Elapsed);
    }

    private static async Task<string> StartContainerAsync()
    {
        // A one-node replica set: multi-document transactions (user delete with its memberships) need one.
        var container = new MongoDbBuilder(Image).WithReplicaSet("rs0").Build();
        await container.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return container.GetConnectionString();
    }

    private sealed record Detection(string? Uri, string? UnavailableReason, TimeSpan Took);
}
