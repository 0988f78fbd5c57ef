using System.Net;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;

namespace AutoRfpHex.Adapters.Http.Tests.Discovery;

/// <summary>What anyone may read without a credential: the Swagger UI, the contracts, the OAuth discovery documents.</summary>
public sealed class PublicDocumentsTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private ServiceHost Host => fixture.Host;

    [Fact]
    public async Task The_swagger_ui_is_served()
    {
        using var anonymous = Host.CreateHttpClient();

        using var response = await anonymous.GetAsync("swagger/index.html");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain("swagger-ui");
    }

    [Theory]
    [InlineData("scim")]
    [InlineData("admin")]
    [InlineData("oauth")]
    public async Task Each_contract_is_served_byte_for_byte_as_written(string name)
    {
        using var anonymous = Host.CreateHttpClient();

        using var response = await anonymous.GetAsync($"contracts/{name}.yaml");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var served = await response.Content.ReadAsByteArrayAsync();
        served.Should().Equal(File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "contracts", name + ".yaml")));
    }

    [Theory]
    [InlineData(".well-known/oauth-authorization-server")]
    [InlineData("oauth/jwks")]
    [InlineData("openapi/served.json")]
    public async Task Discovery_documents_need_no_credential(string path)
    {
        using var anonymous = Host.CreateHttpClient();

        using var response = await anonymous.GetAsync(path);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        await response.ReadJsonObjectAsync();
    }

    [Theory]
    [InlineData("scim/v2/ServiceProviderConfig")]
    [InlineData("scim/v2/ResourceTypes")]
    [InlineData("scim/v2/ResourceTypes/User")]
    [InlineData("scim/v2/Schemas")]
    [InlineData("scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User")]
    public async Task Scim_discovery_is_authenticated_like_every_other_scim_call(string path)
    {
        using var anonymous = Host.CreateHttpClient();

        using var response = await anonymous.GetAsync(path);

        await response.ShouldBeScimErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("scim/v2/Nope", "application/scim+json")]
    [InlineData("api/v1/nope", "application/problem+json")]
    public async Task An_unknown_route_answers_in_its_apis_error_format(string path, string mediaType)
    {
        using var anonymous = Host.CreateHttpClient();

        using var response = await anonymous.GetAsync(path);

        ((int)response.StatusCode).Should().BeOneOf(401, 404);
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
    }
}
