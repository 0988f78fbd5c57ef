using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.TestHost.Http;

namespace AutoRfpHex.TestHost.Assertions;

/// <summary>Checks of the three error formats and of SCIM list responses, shared by the HTTP suites.</summary>
public static class ResponseAssertions
{
    /// <summary>Status, then an RFC 7644 §3.12 body: Error URN, status as a string, the scimType if given, a detail.</summary>
    public static async Task<JsonObject> ShouldBeScimErrorAsync(this HttpResponseMessage response, HttpStatusCode status, params string[] acceptedScimTypes)
    {
        await response.ShouldHaveStatusAsync(status);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/scim+json", "SCIM errors are SCIM documents: " + await response.DescribeAsync());
        var body = await response.ReadJsonObjectAsync();
        body["schemas"].Should().NotBeNull();
        body["schemas"]!.AsArray().Select(s => (string?)s).Should().Contain("urn:ietf:params:scim:api:messages:2.0:Error");
        body["status"]!.GetValueKind().Should().Be(JsonValueKind.String, "RFC 7644 §3.12 makes status a string");
        ((string)body["status"]!).Should().Be(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
        ((string?)body["detail"]).Should().NotBeNullOrWhiteSpace("the detail says what is wrong");
        if (acceptedScimTypes.Length > 0)
        {
            ((string?)body["scimType"]).Should().BeOneOf(acceptedScimTypes);
        }

        return body;
    }

    /// <summary>Status, then an RFC 9457 problem details body (<c>application/problem+json</c>).</summary>
    public static async Task<JsonObject> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        await response.ShouldHaveStatusAsync(status);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", "RFC 9457: " + await response.DescribeAsync());
        var body = await response.ReadJsonObjectAsync();
        ((int?)body["status"]).Should().Be((int)status);
        ((string?)body["title"]).Should().NotBeNullOrWhiteSpace();
        ((string?)body["detail"]).Should().NotBeNullOrWhiteSpace("the detail says what to do");
        return body;
    }

    /// <summary>Status, then an RFC 6749 §5.2 body with the given error code.</summary>
    public static async Task<JsonObject> ShouldBeOAuthErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string error)
    {
        await response.ShouldHaveStatusAsync(status);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/json", await response.DescribeAsync());
        var body = await response.ReadJsonObjectAsync();
        ((string?)body["error"]).Should().Be(error, await response.DescribeAsync());
        return body;
    }

    public static async Task ShouldHaveStatusAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            response.StatusCode.Should().Be(status, await response.DescribeAsync());
        }
    }

    /// <summary>200 and an RFC 7644 ListResponse (index paging) whose counts are JSON numbers; returns the body.</summary>
    public static Task<JsonObject> ShouldBeListResponseAsync(this HttpResponseMessage response) => ListResponseAsync(response, cursorPaging: false);

    /// <summary>
    /// 200 and an RFC 9865 cursor page: counts as JSON numbers but no <c>startIndex</c>, cursors (when present) of
    /// unreserved characters only; returns the body.
    /// </summary>
    public static Task<JsonObject> ShouldBeCursorListResponseAsync(this HttpResponseMessage response) => ListResponseAsync(response, cursorPaging: true);

    private static async Task<JsonObject> ListResponseAsync(HttpResponseMessage response, bool cursorPaging)
    {
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/scim+json");
        var body = await response.ReadJsonObjectAsync();
        body["schemas"]!.AsArray().Select(s => (string?)s).Should().Contain(ScimHttp.ListResponseSchema);
        foreach (var count in cursorPaging ? ["totalResults", "itemsPerPage"] : new[] { "totalResults", "startIndex", "itemsPerPage" })
        {
            body[count].Should().NotBeNull(count + " is always present");
            body[count]!.GetValueKind().Should().Be(JsonValueKind.Number, count + " is a JSON number");
        }

        if (cursorPaging)
        {
            body.ContainsKey("startIndex").Should().BeFalse("cursor pages have no startIndex");
            foreach (var cursor in new[] { "nextCursor", "previousCursor" }.Where(body.ContainsKey))
            {
                ((string?)body[cursor]).Should().MatchRegex("^[A-Za-z0-9._~-]+$", cursor + " uses only RFC 3986 unreserved characters");
            }
        }

        ((int)body["itemsPerPage"]!).Should().Be(body.Resources().Count);
        return body;
    }

    /// <summary>A list response's resources (none when the key is absent).</summary>
    public static IReadOnlyList<JsonObject> Resources(this JsonObject listResponse) =>
        listResponse["Resources"] is JsonArray resources ? resources.Select(r => r!.AsObject()).ToArray() : [];

    public static int TotalResults(this JsonObject listResponse) => (int)listResponse["totalResults"]!;
}
