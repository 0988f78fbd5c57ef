using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.Adapters.Http.Tests.Auth;

/// <summary><c>POST /oauth/token</c>: the client credentials grant with RFC 6749 answers, and the public discovery documents.</summary>
public sealed class TokenEndpointTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private ServiceHost Host => fixture.Host;

    [Fact]
    public async Task Client_secret_basic_gets_a_one_hour_bearer_jwt_that_is_not_cached()
    {
        var connection = await ConnectedAsync();

        using var response = await Host.PostTokenRequestAsync(connection.ClientId, connection.Secret);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var token = await response.ReadJsonObjectAsync();
        ((string?)token["token_type"]).Should().Be("Bearer");
        ((int)token["expires_in"]!).Should().Be(3600);
        var jwt = (string)token["access_token"]!;
        var header = JsonNode.Parse(Base64Url(jwt.Split('.')[0]))!;
        ((string?)header["typ"]).Should().BeEquivalentTo("at+jwt", "RFC 9068 access tokens");
        var keys = await PublicJsonAsync("oauth/jwks");
        keys["keys"]!.AsArray().Select(k => (string?)k!["kid"]).Should().Contain((string?)header["kid"], "the signing key is published");
        (await response.Content.ReadAsStringAsync()).Should().NotContain(connection.Secret);
    }

    [Fact]
    public async Task Client_secret_post_and_both_copies_together_are_accepted()
    {
        var connection = await ConnectedAsync();
        using var anonymous = Host.CreateHttpClient();
        using var post = await anonymous.PostAsync("oauth/token", Form(connection.ClientId, connection.Secret));
        await post.ShouldHaveStatusAsync(HttpStatusCode.OK);

        using var both = Host.CreateHttpClient(AuthHeaders.Basic(connection.ClientId, connection.Secret));
        using var entraBoth = await both.PostAsync("oauth/token", Form(connection.ClientId, connection.Secret));

        await entraBoth.ShouldHaveStatusAsync(HttpStatusCode.OK);
        ((string?)(await entraBoth.ReadJsonObjectAsync())["token_type"]).Should().Be("Bearer");
    }

    [Fact]
    public async Task Header_and_form_naming_different_credentials_is_an_invalid_request()
    {
        var connection = await ConnectedAsync();
        var other = await ConnectedAsync();
        using var client = Host.CreateHttpClient(AuthHeaders.Basic(connection.ClientId, connection.Secret));

        using var response = await client.PostAsync("oauth/token", Form(other.ClientId, other.Secret));

        await response.ShouldBeOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_request");
    }

    [Theory]
    [InlineData("wrong secret")]
    [InlineData("unknown client")]
    [InlineData("secret of another client")]
    [InlineData("no client authentication")]
    [InlineData("post with the wrong secret")]
    public async Task A_bad_client_is_401_invalid_client_with_a_basic_challenge(string failure)
    {
        var connection = await ConnectedAsync();
        var other = await ConnectedAsync();
        using var anonymous = Host.CreateHttpClient();
        var grant = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        using var response = failure switch
        {
            "wrong secret" => await Host.PostTokenRequestAsync(connection.ClientId, connection.Secret[..^1] + (connection.Secret[^1] == 'a' ? 'b' : 'a')),
            "unknown client" => await Host.PostTokenRequestAsync("arfp_client_nope", connection.Secret),
            "secret of another client" => await Host.PostTokenRequestAsync(connection.ClientId, other.Secret),
            "no client authentication" => await anonymous.PostAsync("oauth/token", new FormUrlEncodedContent(grant)),
            "post with the wrong secret" => await anonymous.PostAsync("oauth/token", Form(connection.ClientId, other.Secret)),
            _ => throw new ArgumentOutOfRangeException(nameof(failure)),
        };

        await response.ShouldBeOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
        response.Headers.WwwAuthenticate.Select(h => h.Scheme).Should().Contain("Basic");
        response.Headers.CacheControl?.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task Another_grant_type_is_unsupported()
    {
        var connection = await ConnectedAsync();

        using var response = await Host.PostTokenRequestAsync(connection.ClientId, connection.Secret, grantType: "password");

        await response.ShouldBeOAuthErrorAsync(HttpStatusCode.BadRequest, "unsupported_grant_type");
    }

    [Fact]
    public async Task A_request_without_grant_type_is_invalid()
    {
        var connection = await ConnectedAsync();
        using var client = Host.CreateHttpClient(AuthHeaders.Basic(connection.ClientId, connection.Secret));

        using var response = await client.PostAsync("oauth/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["scope"] = "scim" }));

        await response.ShouldBeOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task A_json_body_instead_of_a_form_is_refused_with_an_oauth_error()
    {
        var connection = await ConnectedAsync();
        using var client = Host.CreateHttpClient(AuthHeaders.Basic(connection.ClientId, connection.Secret));

        using var response = await client.PostJsonAsync("oauth/token", """{"grant_type":"client_credentials"}""", "application/json");

        response.StatusCode.Should().BeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.UnsupportedMediaType);
        ((string?)(await response.ReadJsonObjectAsync())["error"]).Should().NotBeNullOrEmpty("RFC 6749 error body");
    }

    [Theory]
    [InlineData("client_id")]
    [InlineData("client_secret")]
    [InlineData("grant_type")]
    public async Task Token_parameters_in_the_query_string_are_an_invalid_request(string parameter)
    {
        var connection = await ConnectedAsync();
        using var client = Host.CreateHttpClient(AuthHeaders.Basic(connection.ClientId, connection.Secret));
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" });

        using var response = await client.PostAsync($"oauth/token?{parameter}=x", form);

        await response.ShouldBeOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_request");
    }

    private async Task<ScimConnection> ConnectedAsync() =>
        await Host.ConnectAsync(await Host.CreateScimOrganizationAsync("token"));

    private async Task<JsonObject> PublicJsonAsync(string path)
    {
        using var anonymous = Host.CreateHttpClient();
        using var response = await anonymous.GetAsync(path);
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonObjectAsync();
    }

    private static FormUrlEncodedContent Form(string clientId, string secret) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = clientId,
        ["client_secret"] = secret,
    });

    private static string Base64Url(string segment)
    {
        var padded = segment.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
    }
}
