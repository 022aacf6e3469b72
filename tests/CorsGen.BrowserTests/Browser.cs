using Microsoft.Playwright;

namespace CorsGen.BrowserTests;

/// <summary>Where the browser tests find Chromium and whether they may skip without it.</summary>
internal static class Browser
{
    /// <summary>Debian's Chromium (package <c>chromium</c>); Playwright never downloads a browser here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The skip message when Chromium is absent.</summary>
    public const string NotInstalledMessage = "Chromium not installed: apt-get install -y chromium";

    /// <summary>Set to <c>1</c> (as CI does) to make a missing Chromium a failure instead of a skip.</summary>
    public const string RequireVariable = "CORSGEN_REQUIRE_BROWSER";

    /// <summary>Chromium's switches: headless, and nothing that reaches the network on its own.</summary>
    public static readonly string[] Arguments =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    public static bool IsInstalled => File.Exists(ChromiumPath);

    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Why the browser tests are skipped, or <see langword="null"/> when they run.</summary>
    public static string? SkipReason => IsInstalled || IsRequired ? null : NotInstalledMessage;

    /// <summary>A fixture's first step: <see langword="false"/> when its tests are skipped (start nothing); throws when Chromium is required but missing.</summary>
    public static bool ShouldStart()
    {
        if (SkipReason is not null)
        {
            return false;
        }

        return IsInstalled
            ? true
            : throw new InvalidOperationException($"{RequireVariable}=1 but {ChromiumPath} is missing. {NotInstalledMessage}");
    }

    /// <summary>Playwright's driver and <see cref="ChromiumPath"/>, headless with <see cref="Arguments"/>; never a download.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Chromium)> LaunchAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = Arguments,
        });
        return (playwright, chromium);
    }

    /// <summary>
    /// A page in a new browser context (its own cookies and preflight cache), with a 15 s default
    /// timeout, loaded from <paramref name="origin"/> when one is given.
    /// </summary>
    public static async Task<IPage> NewPageAsync(IBrowser? chromium, string? origin = null)
    {
        var browser = chromium ?? throw new InvalidOperationException("Chromium is not running.");
        var context = await browser.NewContextAsync();
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        if (origin is not null)
        {
            await page.GotoAsync(origin + "/");
        }

        return page;
    }

    /// <summary>Closes what <see cref="LaunchAsync"/> started; either may be <see langword="null"/> (never started).</summary>
    public static async Task CloseAsync(IPlaywright? playwright, IBrowser? chromium)
    {
        if (chromium is not null)
        {
            await chromium.DisposeAsync();
        }

        playwright?.Dispose();
    }
}

/// <summary>
/// A fact that needs Chromium: skipped with <see cref="Browser.NotInstalledMessage"/> when
/// <see cref="Browser.ChromiumPath"/> is missing, unless <see cref="Browser.RequireVariable"/> is 1,
/// in which case it runs and fails. (xunit 2 has no dynamic skip; the constructor decides.)
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Browser.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>The theory counterpart of <see cref="ChromiumFactAttribute"/>: skipped the same way.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (Browser.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
