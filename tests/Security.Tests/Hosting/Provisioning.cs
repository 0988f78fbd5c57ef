using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace AutoRfpHex.Security.Tests.Hosting;

/// <summary>A client with one secret key, as an identity provider holds it.</summary>
public sealed record ScimConnection(TestOrganization Organization, string ClientId, string SecretId, string Secret);

/// <summary>The admin guide's steps and the identity providers' calls, over raw HTTP.</summary>
public static class Provisioning
{
    /// <summary>Creates a production client impersonating the organization's admin, and one secret key, through the admin API.</summary>
    public static async Task<ScimConnection> ConnectAsync(this SecurityHost host, TestOrganization organization)
    {
        using var admin = host.AdminClient(organization);
        using var created = await admin.PostAsJsonAsync("api/v1/oauth-clients", new
        {
            name = "Client " + Guid.NewGuid().ToString("N")[..8],
            environment = "production",
            impersonateUserId = organization.AdminUserId,
        });
        var clientId = (string)(await ExpectJsonAsync(created, HttpStatusCode.Created))["clientId"]!;
        using var secretResponse = await admin.PostAsJsonAsync($"api/v1/oauth-clients/{clientId}/secrets", new { name = "Key " + Guid.NewGuid().ToString("N")[..8] });
        var secret = await ExpectJsonAsync(secretResponse, HttpStatusCode.Created);
        return new ScimConnection(organization, clientId, (string)secret["id"]!, (string)secret["secret"]!);
    }

    public static HttpClient AdminClient(this SecurityHost host, TestOrganization organization)
    {
        var client = host.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", organization.AdminToken);
        return client;
    }

    /// <summary>client_secret_basic: id and secret form-url-encoded, then Base64 (RFC 6749 §2.3.1).</summary>
    public static Task<HttpResponseMessage> RequestTokenAsync(this HttpClient client, string clientId, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = Basic(Uri.EscapeDataString(clientId), Uri.EscapeDataString(secret));
        return client.SendAsync(request);
    }

    /// <summary>client_secret_post: id and secret as form fields (Entra's "Body" setting).</summary>
    public static Task<HttpResponseMessage> RequestTokenInFormAsync(this HttpClient client, string clientId, string secret) =>
        client.PostAsync("oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));

    public static async Task<string> AccessTokenAsync(this HttpClient client, ScimConnection connection)
    {
        using var response = await client.RequestTokenAsync(connection.ClientId, connection.Secret);
        return (string)(await ExpectJsonAsync(response, HttpStatusCode.OK))["access_token"]!;
    }

    /// <summary>A SCIM read with the given Authorization header: Entra's Test Connection call.</summary>
    public static Task<HttpResponseMessage> ScimGetAsync(this HttpClient client, AuthenticationHeaderValue authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "scim/v2/Users?filter=userName%20eq%20%22nobody%40example.com%22");
        request.Headers.Authorization = authorization;
        return client.SendAsync(request);
    }

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    public static AuthenticationHeaderValue Basic(string userName, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{password}")));

    /// <summary>The client's provisioning log, newest first, through the admin API.</summary>
    public static async Task<IReadOnlyList<JsonObject>> ProvisioningEventsAsync(this SecurityHost host, ScimConnection connection)
    {
        using var admin = host.AdminClient(connection.Organization);
        using var response = await admin.GetAsync($"api/v1/provisioning-events?clientId={connection.ClientId}&count=200");
        var page = await ExpectJsonAsync(response, HttpStatusCode.OK);
        return page["events"]!.AsArray().Select(e => e!.AsObject()).ToList();
    }

    public static async Task<JsonObject> ExpectJsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
