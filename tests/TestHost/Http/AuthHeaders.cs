using System.Net.Http.Headers;
using System.Text;

namespace AutoRfpHex.TestHost.Http;

/// <summary>The Authorization header values the three SCIM credential modes and the admin API use.</summary>
public static class AuthHeaders
{
    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    /// <summary><c>Basic base64(client_id:secret)</c>, as Okta's "Basic Auth" mode sends it.</summary>
    public static AuthenticationHeaderValue Basic(string userName, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{password}")));

    /// <summary>A client for <paramref name="host"/> that sends <paramref name="authorization"/> on every request.</summary>
    public static HttpClient CreateHttpClient(this ServiceHost host, AuthenticationHeaderValue authorization)
    {
        var client = host.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = authorization;
        return client;
    }

    /// <summary>A client for the admin API, authenticated as the organization's admin.</summary>
    public static HttpClient CreateAdminHttpClient(this ServiceHost host, TestOrganization organization) =>
        host.CreateHttpClient(Bearer(organization.AdminToken));
}
