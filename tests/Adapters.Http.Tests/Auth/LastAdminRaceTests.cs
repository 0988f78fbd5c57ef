using System.Net;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.Adapters.Http.Tests.Auth;

/// <summary>
/// An identity provider deprovisioning in parallel cannot remove the organization's last two Admins at once: each
/// request sees the other Admin still active before it writes, so only the store's own check can refuse one of them.
/// </summary>
public sealed class LastAdminRaceTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private ServiceHost Host => fixture.Host;

    [Fact]
    public async Task Parallel_removals_of_the_last_two_admins_leave_one_active_admin()
    {
        for (var round = 0; round < 5; round++)
        {
            var organization = await Host.CreateScimOrganizationAsync($"lastadmins{round}");
            var connection = await Host.ConnectAsync(organization);
            using var scim = await Host.CreateScimHttpClientAsync(connection, ScimAuthMode.SecretAsBearer);
            using var admin = Host.CreateAdminHttpClient(organization);
            var second = await scim.CreateUserAsync("second-admin@example.com");
            (await admin.PatchJsonAsync($"api/v1/users/{second}", """{"role":"admin"}""", "application/json")).Dispose();
            var deactivate = ScimHttp.PatchBody("""{"op":"replace","path":"active","value":false}""");

            var answers = await Task.WhenAll(
                Task.Run(() => scim.DeleteAsync($"scim/v2/Users/{connection.ImpersonatedUserId}")),
                Task.Run(() => scim.PatchJsonAsync($"scim/v2/Users/{second}", deactivate)));

            var statuses = answers.Select(a => a.StatusCode).ToList();
            answers.ToList().ForEach(a => a.Dispose());
            statuses.Count(s => s is HttpStatusCode.OK or HttpStatusCode.NoContent).Should().Be(1, $"round {round}: {string.Join(", ", statuses)}");
            statuses.Should().Contain(HttpStatusCode.Forbidden);
            // Read as the Admin who is left: the other may be gone.
            var survivor = statuses[0] == HttpStatusCode.NoContent ? second : connection.ImpersonatedUserId;
            using var survivorApi = Host.CreateAdminHttpClient(organization with { AdminToken = Host.AdminTokenFor(organization.OrganizationId, survivor) });
            var users = (await (await survivorApi.GetAsync("api/v1/users?role=admin")).ReadJsonAsync()).AsArray();
            users.Where(u => (bool)u!["active"]!).Select(u => (string?)u!["id"]).Should().Equal([survivor], "the organization keeps exactly one active Admin");
        }
    }
}
