using System.Net;
using System.Text.Json.Nodes;

namespace AutoRfpHex.Security.Tests.RateLimiting;

public static class RateLimitAssertions
{
    /// <summary>429 with a whole-second <c>Retry-After</c> no longer than the window; returns the body.</summary>
    public static async Task<JsonObject> ShouldBeTooManyRequestsAsync(this HttpResponseMessage response, int windowSeconds)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, text);
        response.Headers.TryGetValues("Retry-After", out var values).Should().BeTrue("RFC 6585 §4: a 429 may say how long to wait, and ours always does");
        var retryAfter = values!.Single();
        int.TryParse(retryAfter, out var seconds).Should().BeTrue($"Retry-After is delta-seconds, not '{retryAfter}'");
        seconds.Should().BeInRange(1, windowSeconds, "the wait never exceeds one window: there is no lockout");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static int RetryAfterSeconds(this HttpResponseMessage response) => int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
}
