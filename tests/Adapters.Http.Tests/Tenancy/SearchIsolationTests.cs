using System.Text.Json.Nodes;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.Adapters.Http.Tests.Tenancy;

/// <summary>
/// <c>POST …/.search</c> never returns another organization's or another environment's users and groups, per type or
/// at the root, whatever the filter names (ids, userNames, member ids of the other tenant).
/// </summary>
public sealed class SearchIsolationTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private ServiceHost Host => fixture.Host;

    public static TheoryData<string, string> Searches => new()
    {
        { "Users/.search", "" },
        { "Users/.search", "userName eq \"{name}\"" },
        { "Users/.search", "id eq \"{user}\" or externalId eq \"ext-{name}\"" },
        { "Users/.search", "groups.value eq \"{group}\"" },
        { "Groups/.search", "" },
        { "Groups/.search", "displayName eq \"Team {name}\" or members.value eq \"{user}\"" },
        { ".search", "" },
        { ".search", "id eq \"{user}\" or id eq \"{group}\"" },
        { ".search", "userName eq \"{name}\" or displayName eq \"Team {name}\"" },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task A_search_never_returns_another_organizations_resources(string path, string filter)
    {
        using var organizationA = await ScimSession.StartAsync(Host, "sisoa");
        using var organizationB = await ScimSession.StartAsync(Host, "sisob");
        await SeedAsync(organizationA.Scim, "a@example.com");
        var (bUser, bGroup) = await SeedAsync(organizationB.Scim, "b@example.com");

        var found = await SearchAsync(organizationA.Scim, path, filter, "b@example.com", bUser, bGroup);

        found.Should().NotContain([bUser, bGroup]);
        (await SearchAsync(organizationB.Scim, path, filter, "b@example.com", bUser, bGroup)).Should().NotBeEmpty("control: B finds its own");
    }

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task A_search_never_returns_the_other_environments_resources(string path, string filter)
    {
        var organization = await Host.CreateScimOrganizationAsync("sisoenv");
        using var production = await Host.CreateScimHttpClientAsync(await Host.ConnectAsync(organization, "production"));
        using var sandbox = await Host.CreateScimHttpClientAsync(await Host.ConnectAsync(organization, "sandbox"));
        await SeedAsync(sandbox, "shared@example.com");
        var (productionUser, productionGroup) = await SeedAsync(production, "shared@example.com");

        var found = await SearchAsync(sandbox, path, filter, "shared@example.com", productionUser, productionGroup);

        found.Should().NotContain([productionUser, productionGroup]);
        (await SearchAsync(production, path, filter, "shared@example.com", productionUser, productionGroup)).Should().NotBeEmpty("control");
    }

    /// <summary>A user named <paramref name="name"/> (externalId ext-name) in group "Team name"; the same names in every tenant.</summary>
    private static async Task<(string User, string Group)> SeedAsync(HttpClient scim, string name)
    {
        var user = await scim.CreateUserAsync(name, externalId: "ext-" + name);
        return (user, await scim.CreateGroupAsync("Team " + name, user));
    }

    private static async Task<IReadOnlyList<string>> SearchAsync(HttpClient scim, string path, string filter, string name, string user, string group)
    {
        var body = new JsonObject { ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:SearchRequest"), ["count"] = 1000 };
        if (filter.Length > 0)
        {
            body["filter"] = filter.Replace("{name}", name).Replace("{user}", user).Replace("{group}", group);
        }

        using var response = await scim.PostJsonAsync("scim/v2/" + path, body.ToJsonString());
        var page = await response.ShouldBeListResponseAsync();
        return page.Resources().Select(r => (string)r["id"]!).ToList();
    }
}
