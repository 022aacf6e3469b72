using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsGen.Generators;

/// <summary>
/// Whether CorsGen generates the request delegates of attribute routes itself: in builds that trim or
/// compile ahead of time (where ASP.NET Core turns on its own Request Delegate Generator, which cannot
/// see CorsGen's Map calls), or when the project sets <c>CorsGenRequestDelegates</c>.
/// </summary>
internal static class RequestDelegateMode
{
    public static bool IsOn(AnalyzerConfigOptions options)
    {
        if (options.TryGetValue("build_property.CorsGenRequestDelegates", out var explicitValue) && bool.TryParse(explicitValue, out var explicitOn))
        {
            return explicitOn;
        }

        return IsTrue(options, "build_property.EnableRequestDelegateGenerator")
            || IsTrue(options, "build_property.PublishAot")
            || IsTrue(options, "build_property.PublishTrimmed");
    }

    private static bool IsTrue(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && string.Equals(value, "true", System.StringComparison.OrdinalIgnoreCase);
}
