using System.Diagnostics;
using System.Text;
using AutoRfpHex.Adapters.Http.Contracts;
using AutoRfpHex.Browser.Tests.SwaggerUi;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Provisioning;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AutoRfpHex.Browser.Tests;

/// <summary>
/// Issue 2, item 9: an admin does the whole guide in Swagger UI, in a real browser (Debian chromium), against the
/// real service. Screenshots of the key steps land in <c>bin/…/screenshots/</c>.
/// </summary>
public sealed class AdminGuideInSwaggerUiTests(BrowserHostFixture fixture, ITestOutputHelper output)
    : IClassFixture<BrowserHostFixture>, IAsyncLifetime
{
    private IBrowserContext? context;
    private SwaggerUiPage ui = null!;

    private ServiceHost Host => fixture.Host;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ExecutablePath))
        {
            return;
        }

        // A fresh context per test: Swagger UI persists authorizations in localStorage.
        context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        context.SetDefaultTimeout(20_000); // generous: CI runs every suite at once on two cores
        var page = await context.NewPageAsync();
        page.Console += (_, message) => output.WriteLine($"browser console [{message.Type}]: {message.Text}");
        ui = new SwaggerUiPage(page, fixture.ScreenshotDirectory);
    }

    public async Task DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }
    }

    [ChromiumFact]
    public async Task Definition_selector_offers_the_three_contracts_each_showing_all_its_operations()
    {
        using var http = Host.CreateHttpClient();
        await ui.OpenAsync(Host.BaseAddress);

        (await ui.DefinitionNamesAsync()).Should().Equal(ContractDocuments.All.Select(c => c.Title));
        foreach (var (name, title) in ContractDocuments.All)
        {
            var contract = await ContractOutline.FetchAsync(http, ContractDocuments.Route(name));
            contract.Operations.Should().NotBeEmpty();

            await ui.SelectDefinitionAsync(title, contract.Title);
            (await ui.OperationsAsync()).Should().BeEquivalentTo(contract.Operations, $"Swagger UI shows the operations of {name}.yaml");
            await Screenshot($"definition-{name}");
        }
    }

    [ChromiumFact]
    public async Task Admin_connects_an_identity_provider_in_swagger_ui_then_lists_users_with_a_token_the_secret_and_basic()
    {
        var clock = Stopwatch.StartNew();
        var organization = await Host.CreateOrganizationAsync(ProvisioningSetup.NewOrganizationId("swagger"), scimEnabled: false);
        await ui.OpenAsync(Host.BaseAddress);
        await ui.SelectDefinitionAsync("AutoRFP admin API", "AutoRFP Admin API");

        // Authorize with the admin token the service printed (here: issued for the organization's admin).
        var dialog = await ui.OpenAuthorizeDialogAsync();
        await dialog.AuthorizeBearerAsync("adminToken", organization.AdminToken);
        await Screenshot("admin-authorized");
        await dialog.CloseAsync();

        // Step 1: turn SCIM provisioning on, with the body Swagger UI pre-fills from the contract's example.
        var scimSwitch = ui.Operation("put", "/api/v1/organization/scim");
        await scimSwitch.TryItOutAsync();
        (await scimSwitch.RequestBodyAsync()).Should().Contain("\"enabled\": true");
        var switchedOn = await scimSwitch.ExecuteAsync();
        switchedOn.Status.Should().Be(200, switchedOn.Body);
        switchedOn.Curl.Should().Contain($"Bearer {organization.AdminToken}");
        switchedOn.Json["scimEnabled"]!.GetValue<bool>().Should().BeTrue();
        switchedOn.Json["id"]!.GetValue<string>().Should().Be(organization.OrganizationId);
        await Screenshot("scim-switched-on");

        // Step 2: a client with a new integration Admin: the contract's first example, as is.
        var createClient = ui.Operation("post", "/api/v1/oauth-clients");
        await createClient.TryItOutAsync();
        (await createClient.RequestBodyAsync()).Should().Contain("createImpersonationUser");
        var created = await createClient.ExecuteAsync();
        created.Status.Should().Be(201, created.Body);
        var clientId = created.Json["clientId"]!.GetValue<string>();
        var integrationAdmin = created.Json["impersonatedUser"]!["userName"]!.GetValue<string>();
        created.Json["environment"]!.GetValue<string>().Should().Be("production");

        // Step 3: the secret key, read from the rendered response (it is shown this once).
        var createSecret = ui.Operation("post", "/api/v1/oauth-clients/{clientId}/secrets");
        await createSecret.TryItOutAsync();
        await createSecret.FillParameterAsync("clientId", clientId);
        var secretCreated = await createSecret.ExecuteAsync();
        secretCreated.Status.Should().Be(201, secretCreated.Body);
        var secret = secretCreated.Json["secret"]!.GetValue<string>();
        secret.Should().NotBeNullOrWhiteSpace();
        await Screenshot("secret-created");

        // The identity provider's side: client credentials in the SCIM contract's oauth2 scheme. Swagger UI itself
        // asks /oauth/token for the access token.
        await ui.SelectDefinitionAsync("SCIM 2.0 API", "AutoRFP SCIM 2.0 API");
        dialog = await ui.OpenAuthorizeDialogAsync();
        foreach (var scheme in new[] { "oauth2", "bearerAuth", "basicAuth" })
        {
            (await dialog.IsAuthorizedAsync(scheme)).Should().BeFalse($"the admin token must not carry over into the SCIM contract's {scheme}");
        }

        (await dialog.ClientCredentialsFormAsync("oauth2")).Should().Be((string.Empty, string.Empty), "the form starts empty, with no placeholder credentials");
        var tokenError = await dialog.AuthorizeClientCredentialsAsync("oauth2", clientId, secret);
        await Screenshot("scim-oauth2-authorized");
        tokenError.Should().BeNull("Swagger UI gets a token from /oauth/token with the client's id and secret");
        await dialog.CloseAsync();

        // Swagger UI pre-fills the contract's parameter examples (filter userName eq "alice@example.com", ...);
        // the admin empties them to list every user of the environment.
        var listUsers = ui.Operation("get", "/scim/v2/Users");
        await listUsers.TryItOutAsync();
        foreach (var parameter in new[] { "filter", "sortBy", "attributes", "excludedAttributes" })
        {
            await listUsers.FillParameterAsync(parameter, string.Empty);
        }

        var withToken = await listUsers.ExecuteAsync();
        await Screenshot("scim-users-with-token");
        ShouldBeTheProductionAdmins(withToken, organization, integrationAdmin);
        withToken.Curl.Should().MatchRegex(@"Authorization: Bearer eyJ[\w-]+\.[\w-]+\.[\w-]+", "the access token (a JWT) is sent")
            .And.NotContain(organization.AdminToken);

        // The direct mode (Okta "HTTP Header", Entra "Secret Token"): the secret key itself as the bearer token.
        dialog = await ui.OpenAuthorizeDialogAsync();
        await dialog.LogoutAsync("oauth2");
        await dialog.AuthorizeBearerAsync("bearerAuth", secret);
        await dialog.CloseAsync();
        var withSecret = await listUsers.ExecuteAsync();
        await Screenshot("scim-users-with-secret");
        ShouldBeTheProductionAdmins(withSecret, organization, integrationAdmin);
        withSecret.Curl.Should().Contain($"Authorization: Bearer {secret}");

        // Okta's "Basic Auth" mode: base64(client id:secret key).
        dialog = await ui.OpenAuthorizeDialogAsync();
        await dialog.LogoutAsync("bearerAuth");
        await dialog.AuthorizeBasicAsync("basicAuth", clientId, secret);
        await dialog.CloseAsync();
        var withBasic = await listUsers.ExecuteAsync();
        ShouldBeTheProductionAdmins(withBasic, organization, integrationAdmin);
        withBasic.Curl.Should().Contain("Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));

        output.WriteLine($"Whole guide in the browser: {clock.Elapsed.TotalSeconds:0.0} s; screenshots in {fixture.ScreenshotDirectory}");
    }

    private static void ShouldBeTheProductionAdmins(LiveResponse response, TestOrganization organization, string integrationAdmin)
    {
        response.Status.Should().Be(200, response.Body);
        var list = response.Json;
        list["schemas"]!.AsArray().Select(s => s!.GetValue<string>())
            .Should().Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        list["totalResults"]!.GetValue<int>().Should().Be(2, "the organization's admin and the new integration Admin");
        list["Resources"]!.AsArray().Select(u => u!["userName"]!.GetValue<string>())
            .Should().BeEquivalentTo($"admin@{organization.OrganizationId}.example", integrationAdmin);
    }

    private async Task Screenshot(string name) => output.WriteLine("screenshot: " + await ui.ScreenshotAsync(name));
}
