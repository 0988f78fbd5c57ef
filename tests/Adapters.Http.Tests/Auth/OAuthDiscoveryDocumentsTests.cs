using System.Net;
using System.Text.Json.Nodes;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;

namespace AutoRfpHex.Adapters.Http.Tests.Auth;

/// <summary>The authorization server's public documents: RFC 8414 metadata and the RFC 7517 key set.</summary>
public sealed class OAuthDiscoveryDocumentsTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private ServiceHost Host => fixture.Host;

    [Fact]
    public async Task Authorization_server_metadata_is_public_and_points_at_this_host()
    {
        var metadata = await PublicJsonAsync(".well-known/oauth-authorization-server");

        ((string?)metadata["issuer"]).Should().NotBeNullOrEmpty();
        ((string?)metadata["token_endpoint"]).Should().Be(new Uri(Host.BaseAddress, "oauth/token").ToString());
        ((string?)metadata["jwks_uri"]).Should().Be(new Uri(Host.BaseAddress, "oauth/jwks").ToString());
        metadata["grant_types_supported"]!.AsArray().Select(g => (string?)g).Should().Equal("client_credentials");
        metadata["token_endpoint_auth_methods_supported"]!.AsArray().Select(m => (string?)m)
            .Should().BeEquivalentTo(["client_secret_basic", "client_secret_post"]);
        metadata["response_types_supported"].Should().BeOfType<JsonArray>();
    }

    [Fact]
    public async Task The_json_web_key_set_is_public_and_holds_only_public_keys()
    {
        var keys = (await PublicJsonAsync("oauth/jwks"))["keys"]!.AsArray();

        keys.Should().NotBeEmpty();
        foreach (var key in keys.Select(k => k!.AsObject()))
        {
            ((string?)key["kid"]).Should().NotBeNullOrEmpty();
            ((string?)key["kty"]).Should().NotBeNullOrEmpty();
            key.Select(p => p.Key).Should().NotContain(["d", "p", "q", "dp", "dq", "qi"], "private key members never leave the server");
        }
    }

    private async Task<JsonObject> PublicJsonAsync(string path)
    {
        using var anonymous = Host.CreateHttpClient();
        using var response = await anonymous.GetAsync(path);
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonObjectAsync();
    }
}
