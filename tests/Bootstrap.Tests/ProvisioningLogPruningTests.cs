using System.Net;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.ProvisioningLog;
using AutoRfpHex.Core.Tenancy;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRfpHex.Bootstrap.Tests;

/// <summary>The running service removes provisioning events older than ProvisioningLog:RetentionDays, on its own.</summary>
public sealed class ProvisioningLogPruningTests
{
    [Fact]
    public async Task Events_older_than_the_retention_disappear_from_the_admin_log_and_newer_ones_stay()
    {
        using var host = new ServiceHost(settings: new Dictionary<string, string?>
        {
            ["ProvisioningLog:RetentionDays"] = "1",
            ["ProvisioningLog:PruneIntervalSeconds"] = "1",
        });
        var organization = await host.CreateOrganizationAsync("org-retention");
        var log = host.Services.GetRequiredService<IProvisioningLog>();
        var now = DateTimeOffset.UtcNow;
        await log.AppendAllAsync([Event("old", now.AddDays(-2)), Event("recent", now.AddHours(-23))], CancellationToken.None);
        using var admin = host.CreateHttpClient(AuthHeaders.Bearer(organization.AdminToken));

        var operations = await OperationsAsync(admin);
        for (var waited = 0; operations.Contains("old") && waited < 100; waited++)
        {
            await Task.Delay(200);
            operations = await OperationsAsync(admin);
        }

        operations.Should().NotContain("old", "it is two days old and the retention is one day");
        operations.Should().Contain("recent");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("30000")]
    public void A_retention_outside_what_every_store_can_keep_stops_the_start(string days)
    {
        var start = () => new ServiceHost(settings: new Dictionary<string, string?> { ["ProvisioningLog:RetentionDays"] = days }).Dispose();

        start.Should().Throw<InvalidOperationException>().WithMessage("*ProvisioningLog:RetentionDays*");
    }

    private static ProvisioningEvent Event(string operation, DateTimeOffset time) => new(
        Guid.NewGuid().ToString(), time, "org-retention", DeploymentEnvironment.Production, "client-1", null, operation, null, null,
        ProvisioningOutcome.Success, 200, null);

    private static async Task<List<string>> OperationsAsync(HttpClient admin)
    {
        using var response = await admin.GetAsync("api/v1/provisioning-events?count=200");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var body = await response.ReadJsonObjectAsync();
        return body["events"]!.AsArray().Select(e => (string)e!["operation"]!).ToList();
    }
}
