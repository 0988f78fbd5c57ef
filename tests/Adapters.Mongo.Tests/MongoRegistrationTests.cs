using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Adapters.Mongo.Health;
using AutoRfpHex.Persistence.ContractTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Tests;

public sealed class MongoRegistrationTests
{
    [Fact]
    public async Task Every_persistence_port_resolves_without_touching_the_server()
    {
        // A closed port: registration and resolution must not connect (the start-up initialiser does).
        await using var services = new ServiceCollection().AddMongoStorage("mongodb://127.0.0.1:5269", "autorfphex").BuildServiceProvider();

        await using var ports = new PersistencePorts(services, () => ValueTask.CompletedTask);

        services.GetRequiredService<IMongoClient>().Should().BeSameAs(services.GetRequiredService<IMongoClient>());
        services.GetRequiredService<MongoStore>().Database.DatabaseNamespace.DatabaseName.Should().Be("autorfphex");
    }

    [Fact]
    public async Task An_unreachable_server_is_a_clear_start_up_error_within_the_server_selection_timeout()
    {
        var options = new MongoStorageOptions("mongodb://127.0.0.1:5269/?connectTimeoutMS=200", "autorfphex") { ServerSelectionTimeout = TimeSpan.FromMilliseconds(300) };
        await using var services = new ServiceCollection().AddMongoStorage(options).BuildServiceProvider();

        var start = async () => await services.GetRequiredService<MongoIndexInitializer>().EnsureIndexesAsync(CancellationToken.None);

        (await start.Should().ThrowAsync<InvalidOperationException>().WithMessage("MongoDB is unreachable*0.3 s*autorfphex*Storage:Mongo:ConnectionString*"))
            .Which.InnerException.Should().Match(inner => inner is TimeoutException || inner is OperationCanceledException);
    }

    [Fact]
    public async Task The_readiness_check_is_unhealthy_while_the_database_does_not_answer()
    {
        var options = new MongoStorageOptions("mongodb://127.0.0.1:5269/?connectTimeoutMS=200", "autorfphex") { ServerSelectionTimeout = TimeSpan.FromMilliseconds(300) };
        await using var services = new ServiceCollection().AddMongoStorage(options).BuildServiceProvider();
        var check = new MongoReadinessCheck(services.GetRequiredService<MongoStore>());
        var registration = new HealthCheckRegistration(MongoReadinessCheck.Name, check, HealthStatus.Unhealthy, ["ready"]);

        var result = await check.CheckHealthAsync(new HealthCheckContext { Registration = registration });

        result.Status.Should().Be(HealthStatus.Unhealthy);
        result.Description.Should().Contain("autorfphex");
    }

    [Theory]
    [InlineData("", "autorfphex", "*Storage:Mongo:ConnectionString*")]
    [InlineData("mongodb://127.0.0.1:5269", " ", "*Storage:Mongo:Database*")]
    public void Missing_settings_are_refused_at_registration(string connectionString, string database, string message)
    {
        var act = () => new ServiceCollection().AddMongoStorage(connectionString, database);

        act.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Fact]
    public void A_malformed_connection_string_is_refused_at_registration()
    {
        var act = () => new ServiceCollection().AddMongoStorage("http://not-mongo", "autorfphex");

        act.Should().Throw<ArgumentException>().WithMessage("Storage:Mongo:ConnectionString is not a MongoDB connection string*");
    }

    [Fact]
    public void A_malformed_connection_string_with_a_password_is_refused_without_showing_the_password()
    {
        var act = () => new ServiceCollection().AddMongoStorage("mongodb://svc:s3cret-pw@db1:27017/?replicaSet=rs0&unknownOption=1&w=notanumber&journal=maybe", "autorfphex");

        var refused = act.Should().Throw<ArgumentException>().Which;
        refused.Message.Should().StartWith("Storage:Mongo:ConnectionString is not a MongoDB connection string").And.NotContain("s3cret-pw");
        refused.InnerException.Should().BeNull("the driver's own message may quote the password");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(24_856.0)] // past int32 seconds, which MongoDB refuses for a TTL
    public void A_log_retention_MongoDB_cannot_hold_is_refused_at_registration(double days)
    {
        var options = new MongoStorageOptions("mongodb://127.0.0.1:5269", "autorfphex") { ProvisioningLogRetention = TimeSpan.FromDays(days) };

        var act = () => new ServiceCollection().AddMongoStorage(options);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*ProvisioningLog:RetentionDays*");
    }

    [Fact]
    public void Retention_at_the_limit_is_accepted_and_renders_as_an_int32_TTL()
    {
        var options = new MongoStorageOptions("mongodb://127.0.0.1:5269", "autorfphex") { ProvisioningLogRetention = MongoStorageOptions.MaxProvisioningLogRetention };

        new ServiceCollection().AddMongoStorage(options);

        MongoIndexes.All(options).Single(i => i.Model.Options.ExpireAfter is not null).Model.Options.ExpireAfter!.Value.TotalSeconds.Should().Be(int.MaxValue);
    }
}
