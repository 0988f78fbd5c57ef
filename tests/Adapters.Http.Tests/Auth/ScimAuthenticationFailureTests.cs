using System.Net;
using System.Net.Http.Headers;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.Adapters.Http.Tests.Auth;

/// <summary>Every way a SCIM credential can be wrong gets 401, a SCIM error body and a Bearer challenge; nothing else.</summary>
public sealed class ScimAuthenticationFailureTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    public static TheoryData<string> Failures() =>
    [
        "no Authorization header",
        "empty bearer token",
        "bearer word only",
        "random bearer token",
        "JWT-shaped junk",
        "access token with a forged signature",
        "access token with a changed payload",
        "secret key with a wrong character",
        "secret key of the right shape that was never issued",
        "basic with the wrong secret key",
        "basic with another client's secret key",
        "basic with an unknown client id",
        "basic that is not base64",
        "basic without a colon",
        "admin token",
        "unknown scheme",
    ];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_bad_credential_is_401_with_a_scim_error_and_a_bearer_challenge(string failure)
    {
        var host = fixture.Host;
        var organization = await host.CreateScimOrganizationAsync("authfail");
        var connection = await host.ConnectAsync(organization);
        var other = await host.ConnectAsync(await host.CreateScimOrganizationAsync("authother"));
        var token = await host.RequestAccessTokenAsync(connection);
        using var client = host.CreateHttpClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "scim/v2/Users");
        request.Headers.TryAddWithoutValidation("Authorization", failure switch
        {
            "no Authorization header" => null,
            "empty bearer token" => "Bearer ",
            "bearer word only" => "Bearer",
            "random bearer token" => "Bearer wrong",
            "JWT-shaped junk" => "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl",
            "access token with a forged signature" => "Bearer " + ChangeSegment(token, 2),
            "access token with a changed payload" => "Bearer " + ChangeSegment(token, 1),
            "secret key with a wrong character" => "Bearer " + ChangeMiddleCharacter(connection.Secret),
            "secret key of the right shape that was never issued" => "Bearer " + other.Secret.Replace(other.SecretId, new string('A', other.SecretId.Length), StringComparison.Ordinal),
            "basic with the wrong secret key" => AuthHeaders.Basic(connection.ClientId, ChangeMiddleCharacter(connection.Secret)).ToString(),
            "basic with another client's secret key" => AuthHeaders.Basic(connection.ClientId, other.Secret).ToString(),
            "basic with an unknown client id" => AuthHeaders.Basic("arfp_client_doesnotexist0000", connection.Secret).ToString(),
            "basic that is not base64" => "Basic %%%not-base64%%%",
            "basic without a colon" => "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(connection.Secret)),
            "admin token" => "Bearer " + organization.AdminToken,
            "unknown scheme" => "Digest username=\"x\"",
            _ => throw new ArgumentOutOfRangeException(nameof(failure)),
        });

        using var response = await client.SendAsync(request);

        await response.ShouldBeScimErrorAsync(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Select(h => h.Scheme).Should().Contain("Bearer");
        var body = await response.Content.ReadAsStringAsync();
        body.Should().NotContain(connection.Secret).And.NotContain(other.Secret);
    }

    [Fact]
    public async Task Unauthenticated_calls_never_reach_a_write()
    {
        var host = fixture.Host;
        using var session = await ScimSession.StartAsync(host, "authwrite");
        using var anonymous = host.CreateHttpClient(new AuthenticationHeaderValue("Bearer", "wrong"));

        using var post = await anonymous.PostJsonAsync("scim/v2/Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"mallory@example.com"}""");
        await post.ShouldBeScimErrorAsync(HttpStatusCode.Unauthorized);

        using var list = await session.Scim.GetAsync("scim/v2/Users?filter=userName%20eq%20%22mallory%40example.com%22");
        (await list.ShouldBeListResponseAsync()).TotalResults().Should().Be(0);
    }

    /// <summary>Changes one character in the middle of a JWT segment, keeping it valid base64url.</summary>
    private static string ChangeSegment(string jwt, int segment)
    {
        var parts = jwt.Split('.');
        parts[segment] = ChangeMiddleCharacter(parts[segment]);
        return string.Join('.', parts);
    }

    private static string ChangeMiddleCharacter(string value)
    {
        var chars = value.ToCharArray();
        var i = chars.Length / 2;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        return new string(chars);
    }
}
