using System.Net;
using System.Net.Http.Headers;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.EndToEnd.Tests.Conformance;

/// <summary>Error answers the identity providers and their validators check (V04, V66–V70, BR-25, BR-30).</summary>
public sealed class ErrorConformanceTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private ServiceHost Host => fixture.Host;

    [Fact]
    public async Task V04_a_call_without_credentials_is_401_with_a_scim_error_and_a_bearer_challenge()
    {
        using var anonymous = Host.CreateHttpClient();

        using var response = await anonymous.GetAsync("scim/v2/Users");

        await response.ShouldBeScimErrorAsync(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Select(h => h.Scheme).Should().Contain("Bearer");
    }

    [Fact]
    public async Task V04_a_wrong_bearer_token_is_401_never_a_redirect()
    {
        using var wrong = Host.CreateHttpClient(AuthHeaders.Bearer("wrong"));

        using var response = await wrong.GetAsync("scim/v2/Users");

        await response.ShouldBeScimErrorAsync(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Select(h => h.Scheme).Should().Contain("Bearer");
    }

    [Fact]
    public async Task V66_malformed_json_is_invalid_syntax()
    {
        using var session = await ScimSession.StartAsync(Host, "v66");

        using var response = await session.Scim.PostJsonAsync("scim/v2/Users", """{"acve": tre, "userName": """);

        await response.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
    }

    [Fact]
    public async Task V67_create_and_replace_without_userName_are_refused()
    {
        using var session = await ScimSession.StartAsync(Host, "v67");
        var alice = await session.Scim.CreateUserAsync("alice@example.com");
        const string noUserName = """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userame":"typo@example.com","active":true}""";

        using var post = await session.Scim.PostJsonAsync("scim/v2/Users", noUserName);
        await post.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue", "invalidSyntax");

        using var put = await session.Scim.PutJsonAsync("scim/v2/Users/" + alice, noUserName);
        await put.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue", "invalidSyntax");
        ((string?)(await session.Scim.GetResourceAsync("scim/v2/Users/" + alice))["userName"]).Should().Be("alice@example.com");
    }

    [Theory]
    [InlineData("userName eq")]
    [InlineData("userName zz \"x\"")]
    [InlineData("(userName eq \"x\"")]
    public async Task V68_a_malformed_filter_is_invalid_filter(string filter)
    {
        using var session = await ScimSession.StartAsync(Host, "v68");

        using var response = await session.Scim.GetAsync("scim/v2/Users?filter=" + Uri.EscapeDataString(filter));

        await response.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "invalidFilter");
    }

    [Theory]
    [InlineData("PUT", "Users")]
    [InlineData("PATCH", "Users")]
    [InlineData("DELETE", "Users")]
    [InlineData("GET", "Groups")]
    [InlineData("PUT", "Groups")]
    [InlineData("PATCH", "Groups")]
    [InlineData("DELETE", "Groups")]
    public async Task V70_an_unknown_id_is_not_found_on_every_verb(string method, string resources)
    {
        using var session = await ScimSession.StartAsync(Host, "v70");
        var body = method switch
        {
            "PATCH" => ScimHttp.PatchBody("""{"op":"replace","path":"displayName","value":"x"}"""),
            "PUT" when resources == "Users" => """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ghost@example.com"}""",
            "PUT" => """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Ghosts"}""",
            _ => null,
        };
        var request = new HttpRequestMessage(new HttpMethod(method), $"scim/v2/{resources}/2819c223-7f76-453a-919d-000000000000");
        if (body is not null)
        {
            request.Content = new StringContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/scim+json");
        }

        using var response = await session.Scim.SendAsync(request);

        await response.ShouldBeScimErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BR25_a_duplicate_userName_answers_the_exact_rfc_conflict_body()
    {
        using var session = await ScimSession.StartAsync(Host, "br25");
        await session.Scim.CreateUserAsync("bob@example.com");

        using var response = await session.Scim.PostJsonAsync("scim/v2/Users",
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bob@example.com","active":true}""");

        var error = await response.ShouldBeScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        error.Select(p => p.Key).Should().BeSubsetOf(["schemas", "status", "scimType", "detail"]);
        ((string?)error["detail"]).Should().Contain("bob@example.com");
    }

    [Theory]
    [InlineData("application/scim+json; charset=utf-8", "application/scim+json")]
    [InlineData("application/json", null)]
    [InlineData("application/scim+json", "application/json")]
    [InlineData("application/json; charset=utf-8", "application/scim+json")]
    public async Task BR30_both_media_types_are_accepted_and_scim_json_is_answered(string contentType, string? accept)
    {
        using var session = await ScimSession.StartAsync(Host, "br30");
        var request = new HttpRequestMessage(HttpMethod.Post, "scim/v2/Users")
        {
            Content = new StringContent("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"grace@example.com","active":true}"""),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await session.Scim.SendAsync(request);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/scim+json");
        ((string?)(await response.ReadJsonObjectAsync())["userName"]).Should().Be("grace@example.com");
    }
}
