using AutoRfpHex.Adapters.Crypto.Signing;
using AutoRfpHex.Core.Credentials.Tokens;
using AutoRfpHex.Core.Setup;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AutoRfpHex.Bootstrap.Composition;

/// <summary>What runs before the first request: storage ready, signing keys loaded, the demo organization on first start.</summary>
public static class StartupTasks
{
    public static readonly TimeSpan BannerTokenLifetime = TimeSpan.FromHours(12);

    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<StorageInitializer>().RunAsync(services, cancellationToken);
        await services.GetRequiredService<SigningKeyRing>().InitializeAsync(cancellationToken);
    }

    /// <summary>Prepares the service, seeds the demo organization on an empty store and prints where to start.</summary>
    public static async Task RunAsync(WebApplication app)
    {
        await PrepareAsync(app.Services, CancellationToken.None);
        var demo = await app.Services.GetRequiredService<FirstRunSetup>().EnsureDemoOrganizationAsync(CancellationToken.None);
        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app, demo));
    }

    private static void PrintBanner(WebApplication app, DemoAdmin? demo)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? ServiceComposition.DefaultUrl;
        Console.WriteLine();
        Console.WriteLine($"AutoRfpHex is running at {address}");
        Console.WriteLine($"  Swagger UI:   {address}/swagger");
        Console.WriteLine($"  SCIM base:    {address}/scim/v2");
        Console.WriteLine($"  Token URL:    {address}/oauth/token");
        if (demo is not null)
        {
            var token = app.Services.GetRequiredService<IAccessTokenIssuer>().IssueAdminToken(demo.OrganizationId, demo.UserId, BannerTokenLifetime);
            Console.WriteLine();
            Console.WriteLine($"First start: created organization '{demo.OrganizationId}' with Admin {demo.Email}.");
            Console.WriteLine($"Admin token (valid {BannerTokenLifetime.TotalHours:0} hours; paste into Swagger UI's Authorize > adminToken):");
            Console.WriteLine(token);
        }

        Console.WriteLine("A fresh admin token at any time: dotnet run --project src/Bootstrap -- admin-token --email <admin email>");
        Console.WriteLine();
    }
}
