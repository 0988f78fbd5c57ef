using Microsoft.Playwright;

namespace AutoRfpHex.Browser.Tests.SwaggerUi;

/// <summary>One operation of the page: expand it, "Try it out", fill parameters and body, "Execute", read the result.</summary>
public sealed class OperationBlock(ILocator block)
{
    public ILocator Locator => block;

    /// <summary>Expands the operation (if needed) and presses "Try it out".</summary>
    public async Task TryItOutAsync()
    {
        await block.ScrollIntoViewIfNeededAsync();
        if (!await block.Locator(".opblock-body").IsVisibleAsync())
        {
            await block.Locator(".opblock-summary-control").ClickAsync();
        }

        await block.Locator("button.try-out__btn").ClickAsync();
        await block.Locator("button.execute").WaitForAsync();
    }

    public Task FillParameterAsync(string name, string value) =>
        block.Locator($"tr[data-param-name='{name}'] input").FillAsync(value);

    /// <summary>The request body as Swagger UI pre-filled it (the contract's first example).</summary>
    public Task<string> RequestBodyAsync() => block.Locator("textarea.body-param__text").InputValueAsync();

    public Task FillBodyAsync(string json) => block.Locator("textarea.body-param__text").FillAsync(json);

    /// <summary>Presses "Execute" and waits for the live response Swagger UI renders under "Server response".</summary>
    public async Task<LiveResponse> ExecuteAsync()
    {
        // Clear a previous result first, so the one read below is this request's.
        var clear = block.Locator("button.btn-clear");
        if (await clear.IsVisibleAsync())
        {
            await clear.ClickAsync();
        }

        await block.Locator("button.execute").ClickAsync();
        var live = block.Locator(".live-responses-table tbody tr.response");
        await live.WaitForAsync(new() { Timeout = 30_000 });
        await live.ScrollIntoViewIfNeededAsync(); // so a screenshot taken next shows the result
        var status = int.Parse(await live.Locator(".response-col_status").InnerTextAsync());
        var body = block.Locator(".live-responses-table .response-col_description pre.microlight");
        var curl = await block.Locator(".curl-command pre, .curl-command textarea").First.InnerTextAsync();
        return new LiveResponse(status, await body.CountAsync() > 0 ? await body.First.InnerTextAsync() : string.Empty, curl);
    }
}
