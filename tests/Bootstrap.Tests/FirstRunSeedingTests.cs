using System.Net;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Organizations;
using AutoRfpHex.Core.Tenancy;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRfpHex.Bootstrap.Tests;

/// <summary>The first start on an empty store creates the demo organization and its Admin, once.</summary>
public sealed class FirstRunSeedingTests
{
    private const string DemoAdminEmail = "admin@demo.autorfp.test";

    [Fact]
    public async Task An_empty_store_gets_the_demo_organization_with_one_active_admin_and_scim_off()
    {
        using var host = new ServiceHost();

        var demo = await host.Services.GetRequiredService<IOrganizationStore>().GetAsync("demo", CancellationToken.None);
        demo.Should().NotBeNull();
        demo!.ScimEnabled.Should().BeFalse("an admin turns SCIM on as the guide's first step");
        var adminId = await DemoAdminIdAsync(host);

        using var admin = host.CreateHttpClient(AuthHeaders.Bearer(host.AdminTokenFor("demo", adminId)));
        using var organization = await admin.GetAsync("api/v1/organization");
        await organization.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var body = await organization.ReadJsonObjectAsync();
        ((string?)body["id"]).Should().Be("demo");
        ((bool)body["scimEnabled"]!).Should().BeFalse();
        using var admins = await admin.GetAsync("api/v1/users?role=admin");
        var list = (await admins.ReadJsonAsync()).AsArray();
        var only = list.Should().ContainSingle().Subject!;
        ((string?)only["userName"]).Should().Be(DemoAdminEmail);
        ((bool)only["active"]!).Should().BeTrue();
    }

    [Fact]
    public async Task A_restart_does_not_seed_again()
    {
        var directory = Directory.CreateTempSubdirectory("autorfphex-seed-").FullName;
        try
        {
            string firstAdminId;
            using (var first = new ServiceHost(directory))
            {
                firstAdminId = await DemoAdminIdAsync(first);
            }

            using var second = new ServiceHost(directory);
            (await DemoAdminIdAsync(second)).Should().Be(firstAdminId);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<string> DemoAdminIdAsync(ServiceHost host)
    {
        var admins = await host.Services.GetRequiredService<IUserAccountStore>()
            .ListAsync(new Tenant("demo", DeploymentEnvironment.Production), AccountRole.Admin, CancellationToken.None);
        var admin = admins.Should().ContainSingle("the demo organization has exactly one Admin").Subject;
        ((string?)admin.Attributes["userName"]).Should().Be(DemoAdminEmail);
        return admin.Id;
    }
}
