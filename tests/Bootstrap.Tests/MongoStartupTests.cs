namespace AutoRfpHex.Bootstrap.Tests;

/// <summary>Storage:Provider=mongo with no reachable server: the service does not start, and says why and what to set.</summary>
public sealed class MongoStartupTests
{
    [Fact]
    public async Task An_unreachable_MongoDB_stops_the_start_with_a_clear_message()
    {
        // 127.0.0.1:5268 is in this project's port range and nothing listens there.
        using var service = BootstrapProcess.Start(new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{BootstrapProcess.FreePort()}",
            ["Storage__Provider"] = "mongo",
            ["Storage__Mongo__ConnectionString"] = "mongodb://127.0.0.1:5268/?connectTimeoutMS=300",
            ["Storage__Mongo__ServerSelectionTimeoutSeconds"] = "1",
        });

        var exitCode = await service.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exitCode.Should().NotBe(0);
        (service.Output + service.Errors).Should().Contain("MongoDB is unreachable").And.Contain("Storage:Mongo:ConnectionString");
    }

    [Fact]
    public async Task Choosing_mongo_without_a_connection_string_names_the_setting()
    {
        using var service = BootstrapProcess.Start(new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{BootstrapProcess.FreePort()}",
            ["Storage__Provider"] = "mongo",
        });

        var exitCode = await service.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exitCode.Should().NotBe(0);
        (service.Output + service.Errors).Should().Contain("Storage__Mongo__ConnectionString");
    }
}
