using System.Net;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Credentials;
using AutoRfpHex.Core.Credentials.Tokens;
using AutoRfpHex.Core.Organizations;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRfpHex.Security.Tests.Hosting;

/// <summary>
/// The real service (the Bootstrap composition) on real Kestrel at 127.0.0.1 over a temporary embedded store, with
/// the given settings on top of fast-test ones. Counts secret checks (BCrypt verifications) so tests can prove that
/// a refused request checked nothing.
/// </summary>
public sealed class SecurityHost : WebApplicationFactory<Program>
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("autorfphex-security-").FullName;
    private readonly Dictionary<string, string?> settings;
    private Uri? baseAddress;

    public SecurityHost(IDictionary<string, string?> settings)
    {
        this.settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:Embedded:Path"] = Path.Combine(dataDirectory, "autorfphex.db"),
            ["Secrets:BCryptWorkFactor"] = "4",
            ["Credentials:StateCacheSeconds"] = "1",
        };
        foreach (var (key, value) in settings)
        {
            this.settings[key] = value;
        }

        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
    }

    public CountingSecretHasher SecretChecks => Services.GetRequiredService<CountingSecretHasher>();

    public Uri BaseAddress => baseAddress ??= new Uri(
        Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");

    /// <summary>A plain client over real sockets; <paramref name="forwardedFor"/> sets <c>X-Forwarded-For</c> on every request.</summary>
    public HttpClient CreateHttpClient(string? forwardedFor = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        return client;
    }

    /// <summary>An organization with SCIM on and one active Admin, made through the Core stores; with an admin token of this service.</summary>
    public async Task<TestOrganization> CreateOrganizationAsync(string? organizationId = null)
    {
        organizationId ??= "org-" + Guid.NewGuid().ToString("N")[..12];
        var now = DateTimeOffset.UtcNow;
        await Services.GetRequiredService<IOrganizationStore>().CreateAsync(
            new Organization(organizationId, $"Organization {organizationId}", ScimEnabled: true, now), CancellationToken.None);
        var email = $"admin@{organizationId}.example";
        var admin = new ScimResourceRecord(Guid.NewGuid().ToString("N"), ScimResourceType.User, 1, now, now, new JsonObject
        {
            ["userName"] = email,
            ["emails"] = new JsonArray(new JsonObject { ["value"] = email, ["type"] = "work", ["primary"] = true }),
            ["active"] = true,
        })
        {
            Role = AccountRole.Admin,
        };
        var written = await Services.GetRequiredService<IScimResourceStore>().CreateAsync(
            new Tenant(organizationId, DeploymentEnvironment.Production), admin, [], CancellationToken.None);
        written.Outcome.Should().Be(StoreWriteOutcome.Written, "the test organization's admin must exist");
        var token = Services.GetRequiredService<IAccessTokenIssuer>().IssueAdminToken(organizationId, admin.Id, TimeSpan.FromHours(1));
        return new TestOrganization(organizationId, admin.Id, token);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            var registered = services.Single(d => d.ServiceType == typeof(ISecretHasher));
            var inner = (ISecretHasher)(registered.ImplementationInstance
                ?? throw new InvalidOperationException("The secret hasher is expected to be registered as an instance."));
            services.Remove(registered);
            services.AddSingleton(new CountingSecretHasher(inner));
            services.AddSingleton<ISecretHasher>(provider => provider.GetRequiredService<CountingSecretHasher>());
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TryDeleteData();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        TryDeleteData();
    }

    private void TryDeleteData()
    {
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may still be closing; the OS cleans temp.
        }
    }
}

public sealed record TestOrganization(string OrganizationId, string AdminUserId, string AdminToken);
