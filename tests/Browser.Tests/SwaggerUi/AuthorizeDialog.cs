using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AutoRfpHex.Browser.Tests.SwaggerUi;

/// <summary>Swagger UI's "Available authorizations" dialog: one container per security scheme of the contract.</summary>
public sealed class AuthorizeDialog(IPage page)
{
    private ILocator Dialog => page.Locator(".modal-ux");

    /// <summary>The container of one scheme, found by the name in its heading (e.g. <c>adminToken</c>).</summary>
    public ILocator Scheme(string name) =>
        Dialog.Locator(".auth-container").Filter(new()
        {
            Has = page.Locator("h4", new() { HasTextRegex = new Regex($@"^\s*{Regex.Escape(name)}\s") }),
        });

    /// <summary>Pastes a token into an HTTP bearer scheme and presses its Authorize button.</summary>
    public async Task AuthorizeBearerAsync(string scheme, string token)
    {
        var container = Scheme(scheme);
        await container.Locator("input[aria-label='auth-bearer-value']").FillAsync(token);
        await container.Locator("button.authorize").ClickAsync();
        await container.Locator("button:text-is('Logout')").WaitForAsync();
    }

    /// <summary>Fills an HTTP basic scheme (Okta's "Basic Auth" mode: client id and secret key) and authorizes.</summary>
    public async Task AuthorizeBasicAsync(string scheme, string userName, string password)
    {
        var container = Scheme(scheme);
        await container.Locator("input[aria-label='auth-basic-username']").FillAsync(userName);
        await container.Locator("input[aria-label='auth-basic-password']").FillAsync(password);
        await container.Locator("button.authorize").ClickAsync();
        await container.Locator("button:text-is('Logout')").WaitForAsync();
    }

    /// <summary>What the client credentials form holds before the admin types anything.</summary>
    public async Task<(string ClientId, string ClientSecret)> ClientCredentialsFormAsync(string scheme)
    {
        var container = Scheme(scheme);
        return (await container.Locator("input[data-name='clientId']").InputValueAsync(),
            await container.Locator("input[data-name='clientSecret']").InputValueAsync());
    }

    /// <summary>
    /// Fills the OAuth 2.0 client credentials form and presses Authorize: Swagger UI then requests a token from the
    /// scheme's tokenUrl itself. Returns the error text Swagger UI shows, or null once it says "Authorized".
    /// </summary>
    public async Task<string?> AuthorizeClientCredentialsAsync(string scheme, string clientId, string clientSecret, params string[] scopes)
    {
        var container = Scheme(scheme);
        await container.Locator("input[data-name='clientId']").FillAsync(clientId);
        await container.Locator("input[data-name='clientSecret']").FillAsync(clientSecret);
        foreach (var scope in scopes)
        {
            // The checkbox itself is hidden behind Swagger UI's styled label; click the label, as a person does.
            var checkbox = container.Locator($"input[type='checkbox'][data-value='{scope}']");
            await container.Locator($"label[for='{await checkbox.GetAttributeAsync("id")}']").ClickAsync();
            await Assertions.Expect(checkbox).ToBeCheckedAsync();
        }

        await container.Locator("button.authorize").ClickAsync();
        var authorized = container.Locator("h6:text-is('Authorized')");
        var errors = container.Locator(".errors");
        await authorized.Or(errors).First.WaitForAsync(new() { Timeout = 30_000 });
        await container.Locator("h4").ScrollIntoViewIfNeededAsync(); // the outcome, in view for a screenshot
        return await errors.IsVisibleAsync() ? await errors.InnerTextAsync() : null;
    }

    /// <summary>Whether Swagger UI holds a credential for the scheme (it then offers "Logout").</summary>
    public Task<bool> IsAuthorizedAsync(string scheme) => Scheme(scheme).Locator("button:text-is('Logout')").IsVisibleAsync();

    public Task LogoutAsync(string scheme) => Scheme(scheme).Locator("button:text-is('Logout')").ClickAsync();

    public async Task CloseAsync()
    {
        await Dialog.Locator("button.btn-done").First.ClickAsync();
        await Dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }
}
