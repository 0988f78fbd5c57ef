using System.Net;
using System.Text.RegularExpressions;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;

namespace AutoRfpHex.Bootstrap.Tests;

/// <summary>
/// <c>admin-token --email …</c> prints a fresh admin token for an existing Admin of an existing store, and fails
/// clearly for anyone else. Runs the built Bootstrap as a process, against a store a service initialised first.
/// </summary>
public sealed partial class AdminTokenCommandTests : IDisposable
{
    // The CLI and the service read the same configuration; both get the same public address so tokens match.
    private const string Urls = "http://127.0.0.1:5080";

    private readonly string directory = Directory.CreateTempSubdirectory("autorfphex-cli-").FullName;

    [Fact]
    public async Task It_prints_a_token_that_the_service_accepts_for_the_demo_admin()
    {
        using (new ServiceHost(directory, Settings()))
        {
            // first start: the store, the demo organization and the signing keys now exist
        }

        using var command = BootstrapProcess.Start(Environment(), "admin-token", "--email", "admin@demo.autorfp.test");
        var exitCode = await command.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exitCode.Should().Be(0, command.Errors);
        var token = command.Output.Trim();
        Jwt().IsMatch(token).Should().BeTrue($"the output is just the token, so it can be piped: '{command.Output}'");
        using var host = new ServiceHost(directory, Settings());
        using var admin = host.CreateHttpClient(AuthHeaders.Bearer(token));
        using var organization = await admin.GetAsync("api/v1/organization");
        await organization.ShouldHaveStatusAsync(HttpStatusCode.OK);
        ((string?)(await organization.ReadJsonObjectAsync())["id"]).Should().Be("demo");
    }

    [Fact]
    public async Task An_unknown_email_fails_with_a_clear_message_and_no_token()
    {
        using (new ServiceHost(directory, Settings()))
        {
        }

        using var command = BootstrapProcess.Start(Environment(), "admin-token", "--email", "nobody@demo.autorfp.test");
        var exitCode = await command.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exitCode.Should().NotBe(0);
        (command.Errors + command.Output).Should().Contain("nobody@demo.autorfp.test");
        Jwt().IsMatch(command.Output).Should().BeFalse();
    }

    [Fact]
    public async Task Without_an_email_it_explains_its_usage()
    {
        using var command = BootstrapProcess.Start(Environment(), "admin-token");
        var exitCode = await command.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exitCode.Should().NotBe(0);
        command.Errors.Should().Contain("--email");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Dictionary<string, string?> Settings() => new() { ["Urls"] = Urls };

    private Dictionary<string, string> Environment() => new()
    {
        ["Urls"] = Urls,
        ["Storage__Embedded__Path"] = Path.Combine(directory, "autorfphex.db"),
    };

    [GeneratedRegex(@"^eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")]
    private static partial Regex Jwt();
}
