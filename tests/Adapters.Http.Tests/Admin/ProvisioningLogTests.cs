using System.Net;
using System.Text.Json.Nodes;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.Adapters.Http.Tests.Admin;

/// <summary>The provisioning log: every SCIM call and token request, newest first, filterable and paged, never a secret.</summary>
public sealed class ProvisioningLogTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private ServiceHost Host => fixture.Host;

    [Fact]
    public async Task Scim_calls_and_token_requests_are_recorded_with_their_outcome()
    {
        var organization = await Host.CreateScimOrganizationAsync("log");
        var connection = await Host.ConnectAsync(organization);
        using var scim = await Host.CreateScimHttpClientAsync(connection);
        var alice = await scim.CreateUserAsync("alice@example.com");
        (await scim.PostJsonAsync("scim/v2/Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ALICE@example.com"}""")).Dispose();
        (await scim.GetAsync("scim/v2/Users/missing-id")).Dispose();
        (await Host.PostTokenRequestAsync(connection.ClientId, (await Host.ConnectAsync(organization)).Secret)).Dispose();

        var events = await EventsAsync(organization, $"clientId={connection.ClientId}&count=200");

        events.Select(e => (string)e["time"]!).Should().BeInDescendingOrder(StringComparer.Ordinal);
        var created = events.Should().ContainSingle(e => (string?)e["operation"] == "POST /Users" && (int)e["status"]! == 201).Subject;
        ((string?)created["resourceId"]).Should().Be(alice);
        ((string?)created["outcome"]).Should().Be("success");
        ((string?)created["impersonatedUserId"]).Should().Be(connection.ImpersonatedUserId);
        ((string?)created["environment"]).Should().Be("production");
        var conflict = events.Should().ContainSingle(e => (string?)e["operation"] == "POST /Users" && (int)e["status"]! == 409).Subject;
        ((string?)conflict["outcome"]).Should().Be("failure");
        ((string?)conflict["errorDetail"]).Should().ContainEquivalentOf("alice@example.com");
        events.Should().Contain(e => (string?)e["operation"] == "GET /Users/{id}" && (int)e["status"]! == 404 && (string?)e["resourceId"] == "missing-id");
        events.Should().Contain(e => (string?)e["operation"] == "token" && (string?)e["outcome"] == "success");
        events.Should().Contain(e => (string?)e["operation"] == "token" && (string?)e["outcome"] == "failure" && (int)e["status"]! == 401,
            "a token request with another client's secret fails, and the admin sees it");
    }

    [Fact]
    public async Task Events_filter_by_client_and_outcome_and_page()
    {
        var organization = await Host.CreateScimOrganizationAsync("logfilter");
        var first = await Host.ConnectAsync(organization);
        var second = await Host.ConnectAsync(organization, "sandbox");
        using (var scim = await Host.CreateScimHttpClientAsync(first, ScimAuthMode.SecretAsBearer))
        {
            for (var i = 0; i < 4; i++)
            {
                await scim.CreateUserAsync($"user{i}@example.com");
            }

            (await scim.GetAsync("scim/v2/Groups/missing")).Dispose();
        }

        using (var scim = await Host.CreateScimHttpClientAsync(second, ScimAuthMode.Basic))
        {
            await scim.CreateUserAsync("sandbox@example.com");
        }

        var firstOnly = await EventsAsync(organization, $"clientId={first.ClientId}");
        firstOnly.Should().HaveCount(5).And.OnlyContain(e => (string?)e["clientId"] == first.ClientId);
        var failures = await EventsAsync(organization, $"clientId={first.ClientId}&outcome=failure");
        failures.Should().ContainSingle().Which["status"]!.GetValue<int>().Should().Be(404);
        (await EventsAsync(organization, $"outcome=success")).Should().OnlyContain(e => (string?)e["outcome"] == "success").And.HaveCount(5);

        using var admin = Host.CreateAdminHttpClient(organization);
        using var pageResponse = await admin.GetAsync($"api/v1/provisioning-events?clientId={first.ClientId}&startIndex=2&count=2");
        await pageResponse.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var page = await pageResponse.ReadJsonObjectAsync();
        ((int)page["totalResults"]!).Should().Be(5);
        ((int)page["startIndex"]!).Should().Be(2);
        ((int)page["itemsPerPage"]!).Should().Be(2);
        page["events"]!.AsArray().Select(e => (string?)e!["id"]).Should().Equal(firstOnly.Skip(1).Take(2).Select(e => (string?)e["id"]));
    }

    [Fact]
    public async Task Deactivation_and_deletion_are_told_apart_and_a_deactivated_user_is_kept_without_sign_in()
    {
        var organization = await Host.CreateScimOrganizationAsync("logchange");
        var connection = await Host.ConnectAsync(organization);
        using var scim = await Host.CreateScimHttpClientAsync(connection);
        var bob = await scim.CreateUserAsync("bob@example.com");
        var active = (bool isActive) => ScimHttp.PatchBody($$"""{"op":"Replace","path":"active","value":"{{(isActive ? "True" : "False")}}"}""");
        (await scim.PatchJsonAsync($"scim/v2/Users/{bob}", active(false))).Dispose();
        (await scim.PatchJsonAsync($"scim/v2/Users/{bob}", active(false))).Dispose();

        using (var admin = Host.CreateAdminHttpClient(organization))
        {
            var users = (await (await admin.GetAsync("api/v1/users")).ReadJsonAsync()).AsArray();
            var kept = users.Should().ContainSingle(u => (string?)u!["id"] == bob, "deactivation keeps the user").Subject!;
            ((bool)kept["active"]!).Should().BeFalse("a deactivated user can no longer sign in to AutoRFP");
        }

        (await scim.PatchJsonAsync($"scim/v2/Users/{bob}", active(true))).Dispose();
        (await scim.PatchJsonAsync($"scim/v2/Users/{bob}", ScimHttp.PatchBody("""{"op":"replace","path":"displayName","value":"Bob"}"""))).Dispose();
        (await scim.DeleteAsync($"scim/v2/Users/{bob}")).Dispose();
        (await scim.DeleteAsync($"scim/v2/Users/{bob}")).Dispose();

        var events = (await EventsAsync(organization, $"clientId={connection.ClientId}")).Reverse()
            .Where(e => (string?)e["resourceId"] == bob)
            .Select(e => $"{e["operation"]} {e["status"]} {(string?)e["change"] ?? "-"}");
        events.Should().Equal(
            "POST /Users 201 created",
            "PATCH /Users/{id} 200 deactivated",
            "PATCH /Users/{id} 200 unchanged",
            "PATCH /Users/{id} 200 reactivated",
            "PATCH /Users/{id} 200 updated",
            "DELETE /Users/{id} 204 deleted",
            "DELETE /Users/{id} 404 -");
    }

    [Fact]
    public async Task A_membership_retry_that_changes_nothing_is_logged_unchanged_and_keeps_the_etag()
    {
        var organization = await Host.CreateScimOrganizationAsync("logmembers");
        var connection = await Host.ConnectAsync(organization);
        using var scim = await Host.CreateScimHttpClientAsync(connection);
        var ann = await scim.CreateUserAsync("ann@example.com");
        var team = await scim.CreateGroupAsync("Team");
        var add = ScimHttp.PatchBody($$"""{"op":"add","path":"members","value":[{"value":"{{ann}}"}]}""");

        using var first = await scim.PatchJsonAsync($"scim/v2/Groups/{team}", add);
        using var retry = await scim.PatchJsonAsync($"scim/v2/Groups/{team}", add);

        first.StatusCode.Should().Be(HttpStatusCode.NoContent);
        retry.StatusCode.Should().Be(HttpStatusCode.NoContent);
        retry.Headers.ETag!.ToString().Should().Be(first.Headers.ETag!.ToString(), "the group did not change");
        var events = (await EventsAsync(organization, $"clientId={connection.ClientId}")).Reverse()
            .Where(e => (string?)e["resourceId"] == team)
            .Select(e => $"{e["operation"]} {e["status"]} {(string?)e["change"] ?? "-"}");
        events.Should().Equal("POST /Groups 201 created", "PATCH /Groups/{id} 204 updated", "PATCH /Groups/{id} 204 unchanged");
    }

    [Fact]
    public async Task A_put_of_the_stored_group_is_logged_unchanged_and_keeps_the_etag()
    {
        var organization = await Host.CreateScimOrganizationAsync("logput");
        var connection = await Host.ConnectAsync(organization);
        using var scim = await Host.CreateScimHttpClientAsync(connection);
        var ann = await scim.CreateUserAsync("ann@example.com");
        var team = await scim.CreateGroupAsync("Team", ann);
        var body = $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Team","members":[{"value":"{{ann}}"}]}""";

        using var first = await scim.PutJsonAsync($"scim/v2/Groups/{team}", body);
        using var again = await scim.PutJsonAsync($"scim/v2/Groups/{team}", body);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        first.Headers.ETag!.ToString().Should().Be("W/\"1\"", "the group as created was sent back");
        again.Headers.ETag!.ToString().Should().Be(first.Headers.ETag!.ToString());
        var events = (await EventsAsync(organization, $"clientId={connection.ClientId}")).Reverse()
            .Where(e => (string?)e["resourceId"] == team)
            .Select(e => $"{e["operation"]} {e["status"]} {(string?)e["change"] ?? "-"}");
        events.Should().Equal("POST /Groups 201 created", "PUT /Groups/{id} 200 unchanged", "PUT /Groups/{id} 200 unchanged");
    }

    [Fact]
    public async Task The_log_never_holds_a_secret_or_an_access_token()
    {
        var organization = await Host.CreateScimOrganizationAsync("lognosecret");
        var connection = await Host.ConnectAsync(organization);
        var token = await Host.RequestAccessTokenAsync(connection);
        foreach (var mode in Enum.GetValues<ScimAuthMode>())
        {
            using var scim = await Host.CreateScimHttpClientAsync(connection, mode);
            (await scim.GetAsync("scim/v2/Users")).Dispose();
        }

        using var admin = Host.CreateAdminHttpClient(organization);
        using var response = await admin.GetAsync("api/v1/provisioning-events?count=200");
        var text = await response.Content.ReadAsStringAsync();

        text.Should().NotContain(connection.Secret).And.NotContain(token);
        JsonNode.Parse(text)!["events"]!.AsArray().Should().HaveCountGreaterThanOrEqualTo(5);
    }

    [Theory]
    [InlineData("outcome=maybe")]
    [InlineData("startIndex=0")]
    [InlineData("count=0")]
    [InlineData("count=201")]
    [InlineData("count=lots")]
    public async Task Invalid_query_parameters_are_400(string query)
    {
        var organization = await Host.CreateScimOrganizationAsync("logbad");
        using var admin = Host.CreateAdminHttpClient(organization);

        using var response = await admin.GetAsync("api/v1/provisioning-events?" + query);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    private async Task<IReadOnlyList<JsonObject>> EventsAsync(TestOrganization organization, string query)
    {
        using var admin = Host.CreateAdminHttpClient(organization);
        using var response = await admin.GetAsync("api/v1/provisioning-events?" + query);
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return (await response.ReadJsonObjectAsync())["events"]!.AsArray().Select(e => e!.AsObject()).ToArray();
    }
}
