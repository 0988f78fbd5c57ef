using AutoRfpHex.Bootstrap.Composition;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Credentials.Tokens;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Bootstrap.Cli;

/// <summary>
/// <c>admin-token --email x [--org demo] [--hours 12]</c>: prints a fresh admin API token for an existing active Admin,
/// using the same configuration (store, keys) as the service.
/// </summary>
public static class AdminTokenCommand
{
    public const string Name = "admin-token";

    public static async Task<int> RunAsync(WebApplication app, IReadOnlyList<string> args)
    {
        var email = Option(args, "--email");
        var organizationId = Option(args, "--org") ?? "demo";
        var hours = double.TryParse(Option(args, "--hours"), System.Globalization.CultureInfo.InvariantCulture, out var h) ? h : 12;
        if (string.IsNullOrWhiteSpace(email) || hours is <= 0 or > 24 * 7)
        {
            await Console.Error.WriteLineAsync("Usage: admin-token --email <admin email> [--org <organization id>] [--hours <1-168>]");
            return 2;
        }

        await StartupTasks.PrepareAsync(app.Services, CancellationToken.None);
        var accounts = await app.Services.GetRequiredService<IUserAccountStore>()
            .ListAsync(new Tenant(organizationId, DeploymentEnvironment.Production), AccountRole.Admin, CancellationToken.None);
        var admin = accounts.Select(UserAccount.From)
            .FirstOrDefault(a => a.IsActiveAdmin && (Same(a.UserName, email) || Same(a.Email, email)));
        if (admin is null)
        {
            await Console.Error.WriteLineAsync($"No active Admin with e-mail '{email}' in organization '{organizationId}'.");
            return 1;
        }

        Console.WriteLine(app.Services.GetRequiredService<IAccessTokenIssuer>().IssueAdminToken(organizationId, admin.Id, TimeSpan.FromHours(hours)));
        return 0;
    }

    private static bool Same(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return null;
    }
}
