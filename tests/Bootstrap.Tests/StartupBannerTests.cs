using System.Net;
using System.Text.RegularExpressions;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;

namespace AutoRfpHex.Bootstrap.Tests;

/// <summary>The run command, on a first start, tells a new user where the Swagger UI is and gives an admin token that works.</summary>
public sealed partial class StartupBannerTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("autorfphex-banner-").FullName;

    [Fact]
    public async Task First_start_prints_the_swagger_ui_address_and_a_working_admin_token()
    {
        var port = BootstrapProcess.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var service = BootstrapProcess.Start(new Dictionary<string, string>
        {
            ["Urls"] = baseUrl,
            ["Storage__Embedded__Path"] = Path.Combine(directory, "autorfphex.db"),
        });

        var printed = await service.WaitForOutputAsync(o => Jwt().IsMatch(o) && o.Contains("/swagger"), TimeSpan.FromSeconds(60));

        printed.Should().BeTrue($"the banner appears; output so far:\n{service.Output}\n{service.Errors}");
        service.Output.Should().Contain($"{baseUrl}/swagger");
        var token = Jwt().Match(service.Output).Value;
        using var admin = new HttpClient { BaseAddress = new Uri(baseUrl + "/") };
        admin.DefaultRequestHeaders.Authorization = AuthHeaders.Bearer(token);
        using var organization = await admin.GetAsync("api/v1/organization");
        await organization.ShouldHaveStatusAsync(HttpStatusCode.OK);
        ((string?)(await organization.ReadJsonObjectAsync())["id"]).Should().Be("demo");
        using var swagger = await admin.GetAsync("swagger/index.html");
        await swagger.ShouldHaveStatusAsync(HttpStatusCode.OK);
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

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")]
    private static partial Regex Jwt();
}
