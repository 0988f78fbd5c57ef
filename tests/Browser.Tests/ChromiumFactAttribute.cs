namespace AutoRfpHex.Browser.Tests;

/// <summary>
/// A fact that needs Debian's chromium. Without it the test is reported as skipped, with the reason, rather than
/// passing silently: <c>.ci/run</c> installs the package, so a skip there means the install step broke.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
        {
            Skip = $"{ExecutablePath} is not installed (apt-get install chromium); Playwright never downloads a browser of its own.";
        }
    }
}
