using Microsoft.Playwright;

namespace Gateway.IntegrationTests.Fixtures;

/// <summary>
/// Debian's Chromium (<see cref="ExecutablePath"/>), headless, driven by Microsoft.Playwright, whose node driver ships in
/// the package (no download at test time; Playwright's own browser download is never used). <c>tests/run.sh</c> installs
/// the <c>chromium</c> package on a fresh machine; where it is still missing, the browser tests skip saying so.
/// Screenshots go to the temp directory, never into the repository.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    IPlaywright? _playwright;
    IBrowser? _browser;

    /// <summary>Where screenshots of failing or finished browser tests are written.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(Path.GetTempPath(), "gateway-console-screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Containers and CI runners often lack the user namespaces Chromium's sandbox needs.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh context (its own cookies) and page; skips the test when Chromium is not installed.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        if (_browser is null)
        {
            Assert.Skip($"{ExecutablePath} is missing: install Debian's chromium package (tests/run.sh does on a fresh machine).");
        }

        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>Keeps what the page looked like, in <see cref="ScreenshotDirectory"/>.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
