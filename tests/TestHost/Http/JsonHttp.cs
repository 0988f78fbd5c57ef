using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace AutoRfpHex.TestHost.Http;

/// <summary>Raw JSON over HTTP, so tests send exactly the bytes an identity provider sends.</summary>
public static class JsonHttp
{
    public const string ScimJson = "application/scim+json";

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, string json, string contentType = ScimJson)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8) };
        // Set as given (with or without charset), not as StringContent would normalise it.
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json, string contentType = ScimJson) =>
        client.SendJsonAsync(HttpMethod.Post, path, json, contentType);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, string json, string contentType = ScimJson) =>
        client.SendJsonAsync(HttpMethod.Put, path, json, contentType);

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string path, string json, string contentType = ScimJson) =>
        client.SendJsonAsync(HttpMethod.Patch, path, json, contentType);

    /// <summary>The body as JSON; fails with the status and raw body when it is not JSON.</summary>
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonNode.Parse(text) ?? throw new FormatException("null body");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException)
        {
            throw new InvalidOperationException(
                $"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: body is not JSON: '{Truncate(text)}'", e);
        }
    }

    public static async Task<JsonObject> ReadJsonObjectAsync(this HttpResponseMessage response) =>
        (await response.ReadJsonAsync()).AsObject();

    /// <summary>Status, request and body, for assertion messages.</summary>
    public static async Task<string> DescribeAsync(this HttpResponseMessage response) =>
        $"{(int)response.StatusCode} for {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {Truncate(await response.Content.ReadAsStringAsync())}";

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000] + "…";
}
