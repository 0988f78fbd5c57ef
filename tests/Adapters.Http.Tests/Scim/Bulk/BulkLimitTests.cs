using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;
using static AutoRfpHex.Adapters.Http.Tests.Scim.Bulk.BulkRequests;

namespace AutoRfpHex.Adapters.Http.Tests.Scim.Bulk;

/// <summary>A host whose bulk limits are configured small, and whose general body limit is smaller still.</summary>
public sealed class SmallBulkLimitsFixture : IDisposable
{
    public const int MaxOperations = 3;
    public const int MaxPayloadBytes = 4096;
    public const int MaxRequestBodyBytes = 2048;

    public ServiceHost Host { get; } = new(settings: new Dictionary<string, string?>
    {
        ["Scim:Bulk:MaxOperations"] = MaxOperations.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Scim:Bulk:MaxPayloadBytes"] = MaxPayloadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Service:MaxRequestBodyBytes"] = MaxRequestBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public void Dispose() => Host.Dispose();
}

/// <summary>
/// RFC 7644 §3.7.4: the configured <c>Scim:Bulk:*</c> limits are advertised in <c>/ServiceProviderConfig</c> and
/// enforced exactly: over them the request is 413 and nothing is written; the bulk payload limit replaces the general one.
/// </summary>
public sealed class BulkLimitTests(SmallBulkLimitsFixture fixture) : IClassFixture<SmallBulkLimitsFixture>
{
    [Fact]
    public async Task The_configured_limits_are_advertised()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "blspc");

        var config = await session.Scim.GetResourceAsync("scim/v2/ServiceProviderConfig");

        config["bulk"]!.ToJsonString().Should().Be($$"""{"supported":true,"maxOperations":{{SmallBulkLimitsFixture.MaxOperations}},"maxPayloadSize":{{SmallBulkLimitsFixture.MaxPayloadBytes}}}""");
    }

    [Fact]
    public async Task More_operations_than_maxOperations_is_413_tooMany_and_writes_nothing()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "blmany");
        var before = await session.Scim.SnapshotAsync();

        using var response = await session.Scim.PostBulkAsync(Body(
            PostUser("a", "a@example.com"), PostUser("b", "b@example.com"), PostUser("c", "c@example.com"), PostUser("d", "d@example.com")));

        var error = await response.ShouldBeScimErrorAsync(HttpStatusCode.RequestEntityTooLarge, "tooMany");
        ((string)error["detail"]!).Should().Contain("at most 3");
        (await session.Scim.SnapshotAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_bulk_larger_than_the_general_body_limit_but_within_maxPayloadSize_is_processed()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "blwithin");
        var body = Body(PostUser("a", "a@example.com"), PatchTitle("/Users/bulkId:a", new string('t', 2500)));
        Encoding.UTF8.GetByteCount(body).Should().BeInRange(SmallBulkLimitsFixture.MaxRequestBodyBytes + 1, SmallBulkLimitsFixture.MaxPayloadBytes);

        using var response = await session.Scim.PostBulkAsync(body);

        (await response.ShouldBeBulkResponseAsync()).Summary().Should().Equal("POST a 201", "PATCH - 200");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_larger_than_maxPayloadSize_is_413_tooLarge_and_writes_nothing(bool withContentLength)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "bllarge");
        var before = await session.Scim.SnapshotAsync();
        var body = Body(PostUser("a", "a@example.com"), PatchTitle("/Users/bulkId:a", new string('t', 5000)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "scim/v2/Bulk")
        {
            Content = withContentLength ? new StringContent(body, Encoding.UTF8) : new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(body))),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(JsonHttp.ScimJson);
        request.Headers.ExpectContinue = true; // read the early refusal rather than fail mid-upload

        using var response = await session.Scim.SendAsync(request);

        var error = await response.ShouldBeScimErrorAsync(HttpStatusCode.RequestEntityTooLarge, "tooLarge");
        ((string)error["detail"]!).Should().Contain(SmallBulkLimitsFixture.MaxPayloadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await session.Scim.SnapshotAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Other_SCIM_writes_keep_the_general_body_limit()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "blother");
        var user = await session.Scim.CreateUserAsync("a@example.com");

        using var response = await session.Scim.PatchJsonAsync($"scim/v2/Users/{user}", ScimHttp.PatchBody($$"""{"op":"replace","path":"title","value":"{{new string('t', 2500)}}"}"""));

        await response.ShouldBeScimErrorAsync(HttpStatusCode.RequestEntityTooLarge, "tooLarge");
    }

    /// <summary>A body sent chunked: the server learns its size only by reading it.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
