using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace AutoRfpHex.Bench.Writes;

/// <summary>One timed answer: from sending the request to the last byte of the response.</summary>
public sealed record TimedResponse(double Milliseconds, HttpStatusCode Status, byte[] Body)
{
    public JsonObject Json() => JsonNode.Parse(Body)!.AsObject();
}

/// <summary>
/// SCIM over HTTP with a real credential, as Entra connects: the client id and secret key go to the token endpoint
/// (client_secret_basic), and every SCIM call carries the access token it returns.
/// </summary>
public sealed class ScimClient : IDisposable
{
    private const string ScimJson = "application/scim+json";
    private readonly HttpClient http;

    private ScimClient(HttpClient http) => this.http = http;

    public static async Task<ScimClient> ConnectAsync(Uri baseAddress, string clientId, string secret, CancellationToken cancellationToken)
    {
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(5), // a PATCH on a 1M-member group answers with the whole group today
        };
        using var token = new HttpRequestMessage(HttpMethod.Post, "oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        token.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}")));
        using var response = await http.SendAsync(token, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Require(response.StatusCode == HttpStatusCode.OK, $"the token endpoint answered {(int)response.StatusCode}: {body}");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)JsonNode.Parse(body)!["access_token"]!);
        return new ScimClient(http);
    }

    public Task<TimedResponse> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public Task<TimedResponse> PostAsync(string path, string json, CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, path, json, cancellationToken);

    public Task<TimedResponse> PatchAsync(string path, string json, CancellationToken cancellationToken) => SendAsync(HttpMethod.Patch, path, json, cancellationToken);

    /// <summary>The totalResults of a filter (count=0: no resources are rendered).</summary>
    public async Task<int> CountAsync(string resources, string filter, CancellationToken cancellationToken)
    {
        var response = await GetAsync($"scim/v2/{resources}?count=0&filter={Uri.EscapeDataString(filter)}", cancellationToken);
        Require(response.Status == HttpStatusCode.OK, $"the filter {filter} answered {(int)response.Status}: {Encoding.UTF8.GetString(response.Body)}");
        return (int)response.Json()["totalResults"]!;
    }

    public void Dispose() => http.Dispose();

    public static void Require(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Wrong answer, the measurement is void: " + failure);
        }
    }

    private async Task<TimedResponse> SendAsync(HttpMethod method, string path, string? json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, ScimJson);
        }

        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new TimedResponse(clock.Elapsed.TotalMilliseconds, response.StatusCode, body);
    }
}
