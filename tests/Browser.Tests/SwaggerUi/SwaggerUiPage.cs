using Microsoft.Playwright;

namespace AutoRfpHex.Browser.Tests.SwaggerUi;

/// <summary>
/// The Swagger UI page as an admin sees it, driven through its visible controls (definition selector, Authorize
/// dialog, "Try it out", "Execute"). Selectors are Swagger UI 5's own markup; nothing is injected into the page.
/// </summary>
public sealed class SwaggerUiPage(IPage page, string screenshotDirectory)
{
    public async Task OpenAsync(Uri serviceAddress)
    {
        await page.GotoAsync(new Uri(serviceAddress, "swagger/index.html").ToString());
        await page.Locator(".information-container .title").WaitForAsync();
    }

    /// <summary>The labels of the top bar's "Select a definition" list.</summary>
    public Task<IReadOnlyList<string>> DefinitionNamesAsync() => page.Locator("#select option").AllInnerTextsAsync();

    /// <summary>Picks a definition as an admin would, waits until its document is rendered, and opens its sections.</summary>
    public async Task SelectDefinitionAsync(string name, string documentTitle)
    {
        await page.SelectOptionAsync("#select", new SelectOptionValue { Label = name });
        await Assertions.Expect(page.Locator(".information-container .title")).ToContainTextAsync(documentTitle);
        await page.Locator(".opblock-tag").First.WaitForAsync();
        await ExpandTagsAsync();
    }

    /// <summary>Opens every tag section (Swagger UI shows them collapsed) so that all operations are on the page.</summary>
    public async Task ExpandTagsAsync()
    {
        foreach (var tag in await page.Locator("h3.opblock-tag").AllAsync())
        {
            if (await tag.GetAttributeAsync("data-is-open") == "false")
            {
                await tag.ClickAsync();
                await Assertions.Expect(tag).ToHaveAttributeAsync("data-is-open", "true");
            }
        }
    }

    /// <summary>The operations shown, as <c>"GET /path"</c>.</summary>
    public async Task<IReadOnlyList<string>> OperationsAsync()
    {
        var operations = new List<string>();
        foreach (var summary in await page.Locator(".opblock .opblock-summary").AllAsync())
        {
            var method = await summary.Locator(".opblock-summary-method").InnerTextAsync();
            var path = await summary.Locator(".opblock-summary-path").GetAttributeAsync("data-path");
            operations.Add($"{method.ToUpperInvariant()} {path}");
        }

        return operations;
    }

    public async Task<AuthorizeDialog> OpenAuthorizeDialogAsync()
    {
        await page.Locator(".auth-wrapper button.authorize").ClickAsync();
        await page.Locator(".modal-ux").WaitForAsync();
        return new AuthorizeDialog(page);
    }

    /// <summary>The operation's block, e.g. <c>Operation("put", "/api/v1/organization/scim")</c>.</summary>
    public OperationBlock Operation(string method, string path) =>
        new(page.Locator($".opblock-{method.ToLowerInvariant()}")
            .Filter(new() { Has = page.Locator($".opblock-summary-path[data-path='{path}']") }));

    public async Task<string> ScreenshotAsync(string name)
    {
        var file = Path.Combine(screenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = false });
        return file;
    }
}
