using System.Net;
using System.Text.Json.Nodes;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.Adapters.Http.Tests.Admin;

/// <summary>Secret keys: shown once, listed as metadata only, superseded by a new key, revocable.</summary>
public sealed class ClientSecretManagementTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private ServiceHost Host => fixture.Host;

    [Fact]
    public async Task A_new_secret_is_shown_once_uncached_and_never_listed()
    {
        var (organization, clientId) = await ClientAsync();
        using var admin = Host.CreateAdminHttpClient(organization);

        using var created = await admin.PostJsonAsync($"api/v1/oauth-clients/{clientId}/secrets", """{"name":"Production Secret Key"}""", "application/json");

        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        created.Headers.CacheControl!.NoStore.Should().BeTrue();
        var secret = await created.ReadJsonObjectAsync();
        var value = (string)secret["secret"]!;
        value.Should().NotBeNullOrWhiteSpace();
        ((string?)secret["clientId"]).Should().Be(clientId);
        ((string?)secret["name"]).Should().Be("Production Secret Key");
        ((string)secret["hint"]!).Should().NotContain(value);
        created.Headers.Location.Should().NotBeNull();

        using var listed = await admin.GetAsync($"api/v1/oauth-clients/{clientId}/secrets");
        await listed.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var text = await listed.Content.ReadAsStringAsync();
        text.Should().NotContain(value).And.NotContain(value[^20..], "not even part of the secret is listed");
        var metadata = JsonNode.Parse(text)!.AsArray().Should().ContainSingle().Subject!.AsObject();
        metadata.ContainsKey("secret").Should().BeFalse();
        ((string?)metadata["status"]).Should().Be("active");
        ((string?)metadata["id"]).Should().Be((string?)secret["id"]);
        ((string?)metadata["hint"]).Should().Be((string?)secret["hint"]);
        var client = await (await admin.GetAsync($"api/v1/oauth-clients/{clientId}")).ReadJsonObjectAsync();
        ((int)client["activeSecretCount"]!).Should().Be(1);
    }

    [Fact]
    public async Task A_new_secret_supersedes_the_previous_one_at_once()
    {
        var (organization, clientId) = await ClientAsync();
        var (firstId, _) = await Host.CreateSecretAsync(organization, clientId);

        var (secondId, _) = await Host.CreateSecretAsync(organization, clientId);

        var secrets = await ListAsync(organization, clientId);
        ((string?)secrets[secondId]["status"]).Should().Be("active");
        ((string?)secrets[firstId]["status"]).Should().NotBe("active");
        ((string?)secrets.Values.First()["id"]).Should().Be(secondId, "newest first");
        using var admin = Host.CreateAdminHttpClient(organization);
        ((int)(await (await admin.GetAsync($"api/v1/oauth-clients/{clientId}")).ReadJsonObjectAsync())["activeSecretCount"]!).Should().Be(1);
    }

    [Fact]
    public async Task With_a_grace_period_both_secrets_stay_active_and_the_old_one_shows_when_it_ends()
    {
        var (organization, clientId) = await ClientAsync();
        var (firstId, _) = await Host.CreateSecretAsync(organization, clientId);

        var (secondId, _) = await Host.CreateSecretAsync(organization, clientId, previousSecretGracePeriodMinutes: 30);

        var secrets = await ListAsync(organization, clientId);
        ((string?)secrets[firstId]["status"]).Should().Be("active");
        ((string?)secrets[secondId]["status"]).Should().Be("active");
        DateTimeOffset.Parse((string)secrets[firstId]["expiresAt"]!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(30), TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task Revoking_a_secret_marks_it_revoked_and_revoking_again_is_harmless()
    {
        var (organization, clientId) = await ClientAsync();
        var (secretId, _) = await Host.CreateSecretAsync(organization, clientId);
        using var admin = Host.CreateAdminHttpClient(organization);

        (await admin.DeleteAsync($"api/v1/oauth-clients/{clientId}/secrets/{secretId}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await admin.DeleteAsync($"api/v1/oauth-clients/{clientId}/secrets/{secretId}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var secret = (await ListAsync(organization, clientId))[secretId];
        ((string?)secret["status"]).Should().Be("revoked");
        ((string?)secret["revokedAt"]).Should().NotBeNullOrEmpty();
        ((int)(await (await admin.GetAsync($"api/v1/oauth-clients/{clientId}")).ReadJsonObjectAsync())["activeSecretCount"]!).Should().Be(0);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"name":""}""")]
    [InlineData("""{"name":"k","expiresInDays":0}""")]
    [InlineData("""{"name":"k","expiresInDays":5000}""")]
    [InlineData("""{"name":"k","previousSecretGracePeriodMinutes":-1}""")]
    [InlineData("""{"name":"k","expiresInDays":"soon"}""")]
    [InlineData("""{"name":""")]
    public async Task An_invalid_secret_request_is_400_and_keeps_the_current_secret(string body)
    {
        var (organization, clientId) = await ClientAsync();
        var (secretId, _) = await Host.CreateSecretAsync(organization, clientId);
        using var admin = Host.CreateAdminHttpClient(organization);

        using var response = await admin.PostJsonAsync($"api/v1/oauth-clients/{clientId}/secrets", body, "application/json");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var secrets = await ListAsync(organization, clientId);
        secrets.Should().ContainSingle();
        ((string?)secrets[secretId]["status"]).Should().Be("active");
    }

    private async Task<(TestOrganization Organization, string ClientId)> ClientAsync()
    {
        var organization = await Host.CreateScimOrganizationAsync("secrets");
        return (organization, await Host.CreateClientAsync(organization, "production", $$"""{"impersonateUserId":"{{organization.AdminUserId}}"}"""));
    }

    /// <summary>The client's secrets by id, in the order listed.</summary>
    private async Task<Dictionary<string, JsonObject>> ListAsync(TestOrganization organization, string clientId)
    {
        using var admin = Host.CreateAdminHttpClient(organization);
        using var response = await admin.GetAsync($"api/v1/oauth-clients/{clientId}/secrets");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).AsArray().Select(s => s!.AsObject()).ToDictionary(s => (string)s["id"]!);
    }
}
