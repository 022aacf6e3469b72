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
