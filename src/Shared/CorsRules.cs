using System;

namespace CorsGen.Shared;

/// <summary>
/// CORS names and limits that the generator, the analyzers, the code fixes and the runtime must agree on.
/// Linked as source into CorsGen and CorsGen.Generators (the code fixes use the generator's copy).
/// </summary>
internal static class CorsRules
{
    /// <summary>Chromium's cap on <c>Access-Control-Max-Age</c> in seconds (Firefox's is 86400); CORSGEN022 and its fix use it.</summary>
    public const int ChromiumMaxAgeCap = 7200;

    /// <summary>The CORS-safelisted methods (https://fetch.spec.whatwg.org/#cors-safelisted-method), as browsers send them.</summary>
    public static readonly string[] SafelistedMethods = { "GET", "HEAD", "POST" };

    /// <summary>Whether <paramref name="method"/> is a CORS-safelisted method (case-sensitive, as sent).</summary>
    public static bool IsSafelistedMethod(string method) => method is "GET" or "HEAD" or "POST";

    /// <summary>
    /// Whether <paramref name="upperCased"/> is a method CORSGEN023 wants written in upper case: one browsers
    /// upper-case (https://fetch.spec.whatwg.org/#concept-method-normalize) or PATCH, which they send as written.
    /// </summary>
    public static bool IsUpperCaseMethod(string upperCased) =>
        upperCased is "DELETE" or "GET" or "HEAD" or "OPTIONS" or "POST" or "PUT" or "PATCH";

    /// <summary>Response headers that CORS never exposes (https://fetch.spec.whatwg.org/#forbidden-response-header-name).</summary>
    public static bool IsForbiddenExposeHeader(string name) =>
        string.Equals(name, "Set-Cookie", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "Set-Cookie2", StringComparison.OrdinalIgnoreCase);
}
