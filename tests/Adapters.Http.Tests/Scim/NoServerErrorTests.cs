using System.Net.Http.Headers;
using System.Text;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.Adapters.Http.Tests.Scim;

/// <summary>
/// Odd but possible requests: whatever a client sends, the answer is never a 5xx (identity providers retry those
/// and quarantine the connection) and is always JSON in the API's error format when it is an error.
/// </summary>
public sealed class NoServerErrorTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    public static TheoryData<string, string, string?> OddRequests() => new()
    {
        { "GET", "Users?count=-1", null },
        { "GET", "Users?startIndex=-5&count=0", null },
        { "GET", "Users?count=2147483647", null },
        { "GET", "Users?startIndex=2147483647", null },
        { "GET", "Users?count=99999999999", null },
        { "GET", "Users?attributes=nonsense,,%20", null },
        { "GET", "Users?excludedAttributes=userName", null },
        { "GET", "Users?sortBy=nonsense", null },
        { "GET", "Users?sortOrder=sideways", null },
        { "GET", "Users?filter=", null },
        { "GET", "Users?cursor=" + new string('A', 6000), null },
        { "GET", "Users?cursor&cursor=", null },
        { "GET", "Users?cursor=%00&count=99999999999", null },
        { "GET", "Groups?cursor=eyJ2IjoxLCJxIjoiIiwiZCI6Im5leHQiLCJrIjpbXSwiaSI6IngifQ", null },
        { "GET", "Users?filter=" + Uri.EscapeDataString(new string('(', 2000) + "userName eq \"x\"" + new string(')', 2000)), null },
        { "GET", "Users?filter=" + Uri.EscapeDataString("userName eq \"" + new string('x', 50_000) + "\""), null },
        { "GET", "Users?filter=userName%20eq%20%22%00%22", null },
        { "GET", "Users?filter=emails%5Btype%20eq%20%22work%22%5D.value%20eq%20%22x%22", null },
        { "GET", "Users?filter=meta.lastModified%20gt%20%22not-a-date%22", null },
        { "GET", "Users/%00", null },
        { "GET", "Users/" + new string('a', 4000), null },
        { "GET", "Users/..%2F..%2Fapi%2Fv1%2Foauth-clients", null },
        { "GET", "Users/%F0%9F%98%80", null },
        { "DELETE", "Users", null },
        { "PUT", "Users", """{"userName":"x@example.com"}""" },
        { "POST", "Users/some-id", """{"userName":"x@example.com"}""" },
        { "POST", "Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"x@example.com","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":"not an object"}""" },
        { "POST", "Users", """{"schemas":"not an array","userName":"x2@example.com"}""" },
        { "POST", "Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"x3@example.com","emails":[null]}""" },
        { "POST", "Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"x4@example.com","emails":[{"value":{"nested":true}}]}""" },
        { "POST", "Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"x5\u0000@example.com"}""" },
        { "POST", "Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"x6@example.com","id":{"a":1},"meta":"x"}""" },
        { "POST", "Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"x7@example.com","userName":"dup@example.com"}""" },
        { "POST", "Users", "\uFEFF{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"bom@example.com\"}" },
        { "POST", "Users", "null" },
        { "POST", "Groups", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"G","members":[null,1,"x",{"value":null}]}""" },
        { "POST", "Groups", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":{"x":1}}""" },
        { "PATCH", "Users/{alice}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[]}""" },
        { "PATCH", "Users/{alice}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[null]}""" },
        { "PATCH", "Users/{alice}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"emails[type eq","value":"x"}]}""" },
        { "PATCH", "Users/{alice}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"nosuchattribute","value":"x"}]}""" },
        { "PATCH", "Users/{alice}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"emails","value":"not-an-object"}]}""" },
        { "PATCH", "Users/{alice}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"name","value":"not-an-object"}]}""" },
        { "PATCH", "Users/{alice}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove"}]}""" },
        { "PATCH", "Users/{alice}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":"not-an-object"}]}""" },
        { "PATCH", "Users/{alice}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":7}]}""" },
        { "PATCH", "Groups/{eng}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":"just-a-string"}]}""" },
        { "PATCH", "Groups/{eng}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"members[value eq ]"}]}""" },
        { "PATCH", "Groups/{eng}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"members","value":{"value":"x"}}]}""" },
    };

    [Theory]
    [MemberData(nameof(OddRequests))]
    public async Task An_odd_request_never_gets_a_server_error(string method, string path, string? body)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "odd");
        var alice = await session.Scim.CreateUserAsync("alice@example.com");
        var eng = await session.Scim.CreateGroupAsync("Engineering", alice);
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri("scim/v2/" + path.Replace("{alice}", alice).Replace("{eng}", eng), UriKind.Relative));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(JsonHttp.ScimJson);
        }

        using var response = await session.Scim.SendAsync(request);

        ((int)response.StatusCode).Should().BeLessThan(500, await response.DescribeAsync());
        if ((int)response.StatusCode >= 400)
        {
            response.Content.Headers.ContentType?.MediaType.Should().Be("application/scim+json", await response.DescribeAsync());
        }

        fixture.Host.LogLines.Should().NotContain(l => l.StartsWith("Critical", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("If-Match", "garbage")]
    [InlineData("If-Match", "W/\"not-a-number\"")]
    [InlineData("If-None-Match", "\"\"")]
    public async Task Odd_preconditions_are_not_server_errors(string header, string value)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "oddpre");
        var alice = await session.Scim.CreateUserAsync("alice@example.com");
        var request = new HttpRequestMessage(header == "If-Match" ? HttpMethod.Patch : HttpMethod.Get, "scim/v2/Users/" + alice);
        request.Headers.TryAddWithoutValidation(header, value);
        if (header == "If-Match")
        {
            request.Content = new StringContent(ScimHttp.PatchBody("""{"op":"replace","path":"displayName","value":"X"}"""), Encoding.UTF8, JsonHttp.ScimJson);
        }

        using var response = await session.Scim.SendAsync(request);

        ((int)response.StatusCode).Should().BeLessThan(500, await response.DescribeAsync());
    }
}
