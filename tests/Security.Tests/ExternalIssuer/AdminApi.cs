using System.Net.Http.Headers;
using AutoRfpHex.Security.Tests.Hosting;

namespace AutoRfpHex.Security.Tests.ExternalIssuer;

public static class AdminApi
{
    /// <summary><c>GET /api/v1/organization</c>: the organization the token acts for.</summary>
    public static async Task<HttpResponseMessage> GetOrganizationAsync(this SecurityHost host, string bearerToken)
    {
        using var client = host.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        return await client.GetAsync("api/v1/organization");
    }
}
