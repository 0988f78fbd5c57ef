using System.Net;
using AutoRfpHex.Security.Tests.Hosting;

namespace AutoRfpHex.Security.Tests.RateLimiting;

/// <summary>No lockout: a refused caller is served again once the window is over (ASVS 6.3.1). Windows of 2 s here.</summary>
public sealed class RateLimitWindowTests : IDisposable
{
    private const int Limit = 3;
    private const int WindowSeconds = 2;

    private readonly SecurityHost host = new(new Dictionary<string, string?>
    {
        ["RateLimits:WindowSeconds"] = WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:TokenRequestsPerClientAndAddress"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:ScimSecretAttemptsPerCredentialAndAddress"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    [Fact]
    public async Task A_limited_client_gets_tokens_again_after_the_window()
    {
        var connection = await host.ConnectAsync(await host.CreateOrganizationAsync());
        using var client = host.CreateHttpClient();
        using var limited = await SendUntilLimitedAsync(() => client.RequestTokenAsync(connection.ClientId, SecretKeys.WrongSecretFor(connection.Secret)));
        await limited.ShouldBeTooManyRequestsAsync(WindowSeconds);

        await Task.Delay(TimeSpan.FromSeconds(limited.RetryAfterSeconds()) + TimeSpan.FromMilliseconds(300));
        using var afterWindow = await client.RequestTokenAsync(connection.ClientId, connection.Secret);

        afterWindow.StatusCode.Should().Be(HttpStatusCode.OK, await afterWindow.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_limited_scim_credential_is_checked_again_after_the_window()
    {
        var connection = await host.ConnectAsync(await host.CreateOrganizationAsync());
        using var client = host.CreateHttpClient();
        using var limited = await SendUntilLimitedAsync(() => client.ScimGetAsync(Provisioning.Bearer(SecretKeys.WrongSecretFor(connection.Secret))));
        await limited.ShouldBeTooManyRequestsAsync(WindowSeconds);

        await Task.Delay(TimeSpan.FromSeconds(limited.RetryAfterSeconds()) + TimeSpan.FromMilliseconds(300));
        using var wrongAgain = await client.ScimGetAsync(Provisioning.Bearer(SecretKeys.WrongSecretFor(connection.Secret)));
        using var right = await client.ScimGetAsync(Provisioning.Bearer(connection.Secret));

        wrongAgain.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the new window checks the key again");
        right.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    public void Dispose() => host.Dispose();

    /// <summary>At most a few windows' worth of attempts: the first 429, which must come.</summary>
    private static async Task<HttpResponseMessage> SendUntilLimitedAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 0; attempt < Limit * 4; attempt++)
        {
            var response = await send();
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            response.Dispose();
        }

        throw new Xunit.Sdk.XunitException($"No 429 after {Limit * 4} wrong attempts with a limit of {Limit}.");
    }
}
