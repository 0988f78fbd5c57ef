using System.Net;
using System.Text.Json.Nodes;
using AutoRfpHex.TestHost.Http;

namespace AutoRfpHex.TestHost.Provisioning;

/// <summary>
/// The admin guide's steps through the admin API (raw HTTP): turn SCIM on, create a client, create a secret, get a
/// token. Fails loudly with the response when a step does not succeed, so a broken step is not mistaken for the
/// behaviour a test checks.
/// </summary>
public static class ProvisioningSetup
{
    public static string NewOrganizationId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>A new organization (unique id starting with <paramref name="prefix"/>) with SCIM provisioning on.</summary>
    public static Task<TestOrganization> CreateScimOrganizationAsync(this ServiceHost host, string prefix) =>
        host.CreateOrganizationAsync(NewOrganizationId(prefix), scimEnabled: true);

    public static async Task SetScimAsync(this ServiceHost host, TestOrganization organization, bool enabled)
    {
        using var admin = host.CreateAdminHttpClient(organization);
        using var response = await admin.PutJsonAsync("api/v1/organization/scim", $$"""{"enabled": {{(enabled ? "true" : "false")}}}""", "application/json");
        await ExpectAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Turns SCIM on and creates a client impersonating the organization's admin, with one secret key.</summary>
    public static async Task<ScimConnection> ConnectAsync(this ServiceHost host, TestOrganization organization, string environment = "production")
    {
        await host.SetScimAsync(organization, enabled: true);
        var clientId = await host.CreateClientAsync(organization, environment, $$"""{"impersonateUserId": "{{organization.AdminUserId}}"}""");
        var (secretId, secret) = await host.CreateSecretAsync(organization, clientId);
        return new ScimConnection(organization.OrganizationId, clientId, secret, secretId, organization.AdminUserId, environment);
    }

    /// <param name="impersonation">The JSON members that choose the impersonated user, e.g. <c>{"impersonateUserId": "…"}</c>.</param>
    public static async Task<string> CreateClientAsync(this ServiceHost host, TestOrganization organization, string environment, string impersonation)
    {
        var body = JsonNode.Parse(impersonation)!.AsObject();
        body["name"] = $"Test client {Guid.NewGuid():N}"[..24];
        body["environment"] = environment;
        using var admin = host.CreateAdminHttpClient(organization);
        using var response = await admin.PostJsonAsync("api/v1/oauth-clients", body.ToJsonString(), "application/json");
        await ExpectAsync(response, HttpStatusCode.Created);
        return (string)(await response.ReadJsonObjectAsync())["clientId"]!;
    }

    public static async Task<(string SecretId, string Secret)> CreateSecretAsync(
        this ServiceHost host, TestOrganization organization, string clientId, int? previousSecretGracePeriodMinutes = null)
    {
        // Unique: a key in its grace period keeps its name, and names must differ.
        var body = new JsonObject { ["name"] = $"Test secret {Guid.NewGuid():N}"[..20] };
        if (previousSecretGracePeriodMinutes is { } grace)
        {
            body["previousSecretGracePeriodMinutes"] = grace;
        }

        using var admin = host.CreateAdminHttpClient(organization);
        using var response = await admin.PostJsonAsync($"api/v1/oauth-clients/{clientId}/secrets", body.ToJsonString(), "application/json");
        await ExpectAsync(response, HttpStatusCode.Created);
        var created = await response.ReadJsonObjectAsync();
        return ((string)created["id"]!, (string)created["secret"]!);
    }

    /// <summary>Token endpoint, client_secret_basic; the raw response.</summary>
    public static async Task<HttpResponseMessage> PostTokenRequestAsync(
        this ServiceHost host, string clientId, string secret, string grantType = "client_credentials")
    {
        using var client = host.CreateHttpClient(AuthHeaders.Basic(Uri.EscapeDataString(clientId), Uri.EscapeDataString(secret)));
        return await client.PostAsync("oauth/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = grantType }));
    }

    public static async Task<string> RequestAccessTokenAsync(this ServiceHost host, ScimConnection connection)
    {
        using var response = await host.PostTokenRequestAsync(connection.ClientId, connection.Secret);
        await ExpectAsync(response, HttpStatusCode.OK);
        return (string)(await response.ReadJsonObjectAsync())["access_token"]!;
    }

    /// <summary>A client for the SCIM API that authenticates as <paramref name="connection"/> in the given mode.</summary>
    public static async Task<HttpClient> CreateScimHttpClientAsync(this ServiceHost host, ScimConnection connection, ScimAuthMode mode = ScimAuthMode.AccessToken) =>
        host.CreateHttpClient(mode switch
        {
            ScimAuthMode.AccessToken => AuthHeaders.Bearer(await host.RequestAccessTokenAsync(connection)),
            ScimAuthMode.SecretAsBearer => AuthHeaders.Bearer(connection.Secret),
            ScimAuthMode.Basic => AuthHeaders.Basic(connection.ClientId, connection.Secret),
            _ => throw new ArgumentOutOfRangeException(nameof(mode)),
        });

    internal static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"Test setup step failed, expected {(int)expected}: {await response.DescribeAsync()}");
        }
    }
}
