using System.Net;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Organizations;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using AutoRfpHex.TestHost.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AutoRfpHex.TestHost;

/// <summary>
/// The real service (the Bootstrap composition) on real Kestrel at 127.0.0.1, over an embedded store in a data
/// directory of its own. Dispose it and start another on the same <see cref="DataDirectory"/> to test a restart.
/// </summary>
public sealed class ServiceHost : WebApplicationFactory<Program>
{
    private readonly bool ownsDataDirectory;
    private readonly bool captureLog;
    private readonly Dictionary<string, string?> settings;
    private readonly CapturedLog log = new();
    private Uri? baseAddress;

    /// <param name="captureLog">False for measurements (the benchmark): no log provider at all, so logging neither costs nor prints.</param>
    public ServiceHost(string? dataDirectory = null, IDictionary<string, string?>? settings = null, bool captureLog = true)
    {
        ownsDataDirectory = dataDirectory is null;
        this.captureLog = captureLog;
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("autorfphex-test-").FullName;
        Directory.CreateDirectory(DataDirectory);
        this.settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:Embedded:Path"] = Path.Combine(DataDirectory, "autorfphex.db"),
            ["Secrets:BCryptWorkFactor"] = "4", // fast tests; production uses 11
            ["Credentials:StateCacheSeconds"] = "1", // revocations show within a second or two
            ["Service:PublicBaseUrl"] = string.Empty, // derived from the request
        };
        if (Environment.GetEnvironmentVariable(MongoUriVariable) is { Length: > 0 } mongoUri)
        {
            // The whole HTTP and end-to-end suite on MongoDB instead: a database of its own per data directory (left for
            // inspection), so hosts started again on one directory (restart tests) find their data as on the embedded store.
            this.settings["Storage:Provider"] = "mongo";
            this.settings["Storage:Mongo:ConnectionString"] = mongoUri;
            var directoryHash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(DataDirectory)));
            this.settings["Storage:Mongo:Database"] = $"host_{Convert.ToHexStringLower(directoryHash)[..24]}";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            this.settings[key] = value;
        }

        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
    }

    /// <summary>Set to a MongoDB connection string (a replica set) to run every host on MongoDB instead of the embedded store.</summary>
    public const string MongoUriVariable = "AUTORFPHEX_TEST_MONGODB_URI";

    public string DataDirectory { get; }

    /// <summary>Every log message of the host, with exception text, in order.</summary>
    public IReadOnlyList<string> LogLines => log.Lines;

    /// <summary>The address Kestrel listens on, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => baseAddress ??= new Uri(
        Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");

    /// <summary>A plain client over real sockets: no cookies, no redirects followed, no credentials.</summary>
    public HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>Creates an organization and one active Admin in its production tenant, directly through the Core stores.</summary>
    public async Task<TestOrganization> CreateOrganizationAsync(string organizationId, bool scimEnabled = true)
    {
        var now = DateTimeOffset.UtcNow;
        await Services.GetRequiredService<IOrganizationStore>().CreateAsync(
            new Organization(organizationId, $"Organization {organizationId}", scimEnabled, now), CancellationToken.None);
        var email = $"admin@{organizationId}.example";
        var admin = new ScimResourceRecord(
            Guid.NewGuid().ToString("N"),
            ScimResourceType.User,
            Version: 1,
            Created: now,
            LastModified: now,
            new JsonObject
            {
                ["userName"] = email,
                ["displayName"] = $"Admin of {organizationId}",
                ["emails"] = new JsonArray(new JsonObject { ["value"] = email, ["type"] = "work", ["primary"] = true }),
                ["active"] = true,
            })
        {
            Role = AccountRole.Admin,
        };
        var written = await Services.GetRequiredService<IScimResourceStore>().CreateAsync(
            new Tenant(organizationId, DeploymentEnvironment.Production), admin, [], CancellationToken.None);
        if (written.Outcome != StoreWriteOutcome.Written)
        {
            throw new InvalidOperationException($"Could not create the admin of '{organizationId}': {written.Outcome}.");
        }

        return new TestOrganization(organizationId, admin.Id, AdminTokenFor(organizationId, admin.Id));
    }

    /// <summary>An admin API token for <paramref name="userId"/>, signed by the service's own issuer.</summary>
    public string AdminTokenFor(string organizationId, string userId) =>
        AdminTokens.Issue(Services, organizationId, userId, TimeSpan.FromHours(1));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            if (!captureLog)
            {
                logging.ClearProviders();
                return;
            }

            logging.AddProvider(new CapturingLoggerProvider(log));
            // Capture everything the host says at Debug and above, whatever appsettings.json filters for the console.
            logging.AddFilter<CapturingLoggerProvider>(category: null, LogLevel.Debug);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            DeleteOwnedDataDirectory();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteOwnedDataDirectory();
    }

    private void DeleteOwnedDataDirectory()
    {
        if (!ownsDataDirectory || !Directory.Exists(DataDirectory))
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may still be closing; the OS temp cleaner takes what is left.
        }
    }
}

public sealed record TestOrganization(string OrganizationId, string AdminUserId, string AdminToken);
