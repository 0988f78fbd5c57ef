using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.Adapters.Http.Tests.Scim;

/// <summary>SCIM accepts application/scim+json (with or without charset) and application/json on every write, and answers scim+json.</summary>
public sealed class MediaTypeTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    public static TheoryData<string, string> WritesAndTypes()
    {
        var data = new TheoryData<string, string>();
        foreach (var write in new[] { "PUT user", "PATCH user", "POST group", "PATCH group" })
        {
            foreach (var type in new[] { "application/scim+json", "application/scim+json; charset=utf-8", "application/json", "application/json; charset=utf-8", "application/scim+json; charset=\"UTF-8\"" })
            {
                data.Add(write, type);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WritesAndTypes))]
    public async Task Every_write_accepts_both_media_types(string write, string contentType)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "media");
        var alice = await session.Scim.CreateUserAsync("alice@example.com");
        var eng = await session.Scim.CreateGroupAsync("Engineering");
        var (method, path, body, expected) = write switch
        {
            "PUT user" => ("PUT", $"Users/{alice}", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"alice@example.com","displayName":"Changed"}""", HttpStatusCode.OK),
            "PATCH user" => ("PATCH", $"Users/{alice}", ScimHttp.PatchBody("""{"op":"replace","path":"displayName","value":"Changed"}"""), HttpStatusCode.OK),
            "POST group" => ("POST", "Groups", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Changed"}""", HttpStatusCode.Created),
            // A group PATCH answers 204 unless it names a projection: ask for one, to see the body's media type.
            _ => ("PATCH", $"Groups/{eng}?excludedAttributes=members", ScimHttp.PatchBody("""{"op":"replace","path":"displayName","value":"Changed"}"""), HttpStatusCode.OK),
        };
        var request = new HttpRequestMessage(new HttpMethod(method), "scim/v2/" + path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await session.Scim.SendAsync(request);

        await response.ShouldHaveStatusAsync(expected);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/scim+json");
        ((string?)(await response.ReadJsonObjectAsync())["displayName"]).Should().Be("Changed");
    }

    [Theory]
    [InlineData("application/scim+json")]
    [InlineData("application/json")]
    [InlineData("*/*")]
    public async Task Reads_answer_scim_json_whatever_json_the_client_accepts(string accept)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "accept");
        var alice = await session.Scim.CreateUserAsync("alice@example.com");
        var request = new HttpRequestMessage(HttpMethod.Get, "scim/v2/Users/" + alice);
        request.Headers.Accept.ParseAdd(accept);

        using var response = await session.Scim.SendAsync(request);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/scim+json");
    }
}
