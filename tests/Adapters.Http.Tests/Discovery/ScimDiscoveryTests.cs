using System.Net;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.Adapters.Http.Tests.Discovery;

/// <summary>The SCIM discovery endpoints by name, and unknown names.</summary>
public sealed class ScimDiscoveryTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    [Theory]
    [InlineData("ResourceTypes/User", "User")]
    [InlineData("ResourceTypes/Group", "Group")]
    [InlineData("Schemas/urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:core:2.0:User")]
    [InlineData("Schemas/urn:ietf:params:scim:schemas:core:2.0:Group", "urn:ietf:params:scim:schemas:core:2.0:Group")]
    [InlineData("Schemas/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")]
    public async Task Each_resource_type_and_schema_is_served_by_its_name(string path, string id)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "disc");

        using var response = await session.Scim.GetAsync("scim/v2/" + path);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/scim+json");
        ((string?)(await response.ReadJsonObjectAsync())["id"]).Should().Be(id);
    }

    [Theory]
    [InlineData("ResourceTypes/Printer")]
    [InlineData("Schemas/urn:example:nope")]
    public async Task An_unknown_name_is_not_found(string path)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "disc404");

        using var response = await session.Scim.GetAsync("scim/v2/" + path);

        await response.ShouldBeScimErrorAsync(HttpStatusCode.NotFound);
    }
}
