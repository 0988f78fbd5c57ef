using AutoRfpHex.TestHost;
using Microsoft.Playwright;

namespace AutoRfpHex.Browser.Tests.SwaggerUi;

/// <summary>
/// The real service on Kestrel (127.0.0.1, temp embedded store) and one headless Debian chromium, shared by the tests
/// of a class. Chromium is only launched when it is installed, so a machine without it reports skips, not failures.
/// </summary>
public sealed class BrowserHostFixture : IAsyncLifetime
{
    // Exactly the flags asked for: no sandbox (CI runs as root), no GPU, no background traffic to Google.
    private static readonly string[] ChromiumArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

    private IPlaywright? playwright;
    private IBrowser? browser;
    private ServiceHost? host;

    public ServiceHost Host => host ?? throw NotInstalled();

    public IBrowser Browser => browser ?? throw NotInstalled();

    /// <summary>Where screenshots go: next to the test assembly, one folder per run.</summary>
    public string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ExecutablePath))
        {
            return;
        }

        host = new ServiceHost();

        // The driver may only use the browser given below; it must never fetch one.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Directory.CreateDirectory(ScreenshotDirectory);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 30_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    private static InvalidOperationException NotInstalled() =>
        new($"{ChromiumFactAttribute.ExecutablePath} is not installed; the tests using this fixture are skipped.");
}
