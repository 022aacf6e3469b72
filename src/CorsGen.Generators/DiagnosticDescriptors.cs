using Microsoft.CodeAnalysis;

namespace CorsGen.Generators;

/// <summary>The diagnostics CorsGen reports. IDs are stable; each has a page under docs/diagnostics.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "CorsGen";
    private const string HelpLinkBase = "https://github.com/corsgen/corsgen/blob/main/docs/diagnostics/";

    /// <summary>CORSGEN002: <c>"*"</c> origin with <c>[AllowCredentials]</c>. Message: "{0}".</summary>
    public static readonly DiagnosticDescriptor WildcardOriginWithCredentials = Create(
        "CORSGEN002",
        "Any-origin \"*\" cannot be combined with credentials",
        "[AllowOrigins(\"*\")] is combined with [AllowCredentials] on '{0}': browsers reject 'Access-Control-Allow-Origin: *' on credentialed requests, and reflecting every origin instead would let any site read authenticated responses; list the trusted origins or remove [AllowCredentials]",
        DiagnosticSeverity.Error);

    /// <summary>CORSGEN003: an origin that is not a serialized origin. Message: "'{0}' ... {1}".</summary>
    public static readonly DiagnosticDescriptor InvalidOrigin = Create(
        "CORSGEN003",
        "Origin is not a serialized origin",
        "'{0}' can never match a browser's Origin header: {1}",
        DiagnosticSeverity.Error);

    /// <summary>CORSGEN005: negative <c>[MaxAge]</c>.</summary>
    public static readonly DiagnosticDescriptor NegativeMaxAge = Create(
        "CORSGEN005",
        "Max-age is negative",
        "[MaxAge({0})] is negative; Access-Control-Max-Age is a number of seconds, 0 or more",
        DiagnosticSeverity.Error);

    /// <summary>CORSGEN008: a method that is not an HTTP token.</summary>
    public static readonly DiagnosticDescriptor InvalidMethodToken = Create(
        "CORSGEN008",
        "Method is not an HTTP token",
        "'{0}' is not an HTTP method token (RFC 9110 section 5.6.2), so no request can use it",
        DiagnosticSeverity.Error);

    /// <summary>CORSGEN009: endpoint class or route method of the wrong shape.</summary>
    public static readonly DiagnosticDescriptor InvalidShape = Create(
        "CORSGEN009",
        "Endpoint class or route method has the wrong shape",
        "{0}",
        DiagnosticSeverity.Error);

    /// <summary>CORSGEN018: a header name that is not an HTTP token.</summary>
    public static readonly DiagnosticDescriptor InvalidHeaderName = Create(
        "CORSGEN018",
        "Header name is not an HTTP token",
        "'{0}' is not an HTTP header field name (RFC 9110 section 5.1), so no request or response can carry it",
        DiagnosticSeverity.Error);

    /// <summary>CORSGEN019: an attribute argument CorsGen cannot read.</summary>
    public static readonly DiagnosticDescriptor UnreadableArgument = Create(
        "CORSGEN019",
        "Attribute argument is not a constant",
        "The argument of [{0}] must be a compile-time constant string, not null or a computed value",
        DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
}
