namespace AutoRfpHex.Adapters.Mongo.Tests.Server;

public sealed class MongoTestServerTests
{
    [Fact]
    public void Finding_the_test_server_is_fast_and_either_names_a_source_or_says_why_not()
    {
        var reason = MongoTestServer.UnavailableReason;

        MongoTestServer.DetectionTime.Should().BeLessThan(TimeSpan.FromSeconds(2));
        if (reason is not null)
        {
            reason.Should().Contain(MongoTestServer.UriVariable).And.Contain("Docker");
        }
    }
}
