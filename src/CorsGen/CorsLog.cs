using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace CorsGen;

/// <summary>CorsGen's log messages (category <c>CorsGen</c>); the Debug ones cost one level check when Debug is off.</summary>
internal static partial class CorsLog
{
    // Reason is corsgen.requests' corsgen.refusal.reason; Route its http.route ("(none)" when no route matched).
    [LoggerMessage(EventId = 1, EventName = "PreflightRefused", Level = LogLevel.Debug,
        Message = "CORS preflight refused by {Policy} at {Route}: {Reason}, {Detail} (Origin {Origin}, Access-Control-Request-Method {RequestMethod}, Access-Control-Request-Headers {RequestHeaders})")]
    public static partial void PreflightRefused(ILogger logger, string policy, string route, string reason, string detail, string origin, string requestMethod, string requestHeaders);

    [LoggerMessage(EventId = 2, EventName = "ActualRequestOriginRefused", Level = LogLevel.Debug,
        Message = "CORS headers withheld by {Policy} at {Route}: {Reason}, origin {Origin} is not allowed")]
    public static partial void ActualRequestOriginRefused(ILogger logger, string policy, string route, string reason, string origin);

    /// <summary>The matched route template, as <c>http.route</c>, or "(none)".</summary>
    public static string Route(Microsoft.AspNetCore.Http.HttpContext context) =>
        Microsoft.AspNetCore.Http.EndpointHttpContextExtensions.GetEndpoint(context) is Microsoft.AspNetCore.Routing.RouteEndpoint { RoutePattern.RawText: { } route } ? route : "(none)";

    [LoggerMessage(EventId = 3, EventName = "OriginPredicateFailed", Level = LogLevel.Warning,
        Message = "The origin predicate of {Policy} threw for origin {Origin}; the request is refused")]
    public static partial void OriginPredicateFailed(ILogger logger, string policy, string origin, Exception exception);

    [LoggerMessage(EventId = 4, EventName = "ConfiguredOriginsLoaded", Level = LogLevel.Debug,
        Message = "{Policy} allows {Count} origin(s) from configuration key {Key}")]
    public static partial void ConfiguredOriginsLoaded(ILogger logger, string policy, string key, int count);

    // Information, not Warning: no configured origins is a normal set-up (a development run), not a fault.
    [LoggerMessage(EventId = 5, EventName = "ConfiguredOriginsMissing", Level = LogLevel.Information,
        Message = "{Policy} reads origins from configuration key {Key}, which is absent or empty; only its compiled origins are allowed")]
    public static partial void ConfiguredOriginsMissing(ILogger logger, string policy, string key);

    [LoggerMessage(EventId = 6, EventName = "ConfiguredOriginsReloadRejected", Level = LogLevel.Error,
        Message = "{Policy} keeps its {Count} previous origin(s) from configuration key {Key}: the reloaded configuration was rejected. {Problem}")]
    public static partial void ConfiguredOriginsReloadRejected(ILogger logger, string policy, string key, int count, string problem);

    [LoggerMessage(EventId = 7, EventName = "WebSocketRefused", Level = LogLevel.Debug,
        Message = "WebSocket handshake refused by {Policy} at {Route}: {Reason}, origin {Origin} is not allowed to open a socket")]
    public static partial void WebSocketRefused(ILogger logger, string policy, string route, string reason, string origin);
}

/// <summary>Request values made safe for logs: control characters, quotes, backslashes and non-ASCII escaped, length capped.</summary>
internal static class LogValue
{
    private const int MaxLength = 256;

    public static string Escape(StringValues values) => values.Count switch
    {
        0 => "(none)",
        1 => Escape(values[0]),
        _ => Escape(string.Join(" | ", values.ToArray())),
    };

    public static string Escape(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        var builder = new StringBuilder(Math.Min(value.Length, MaxLength) + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            if (builder.Length >= MaxLength)
            {
                builder.Append("...(").Append(value.Length).Append(" chars)");
                break;
            }

            var c = value[i];
            if (c is < ' ' or > '~' or '"' or '\\')
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }
}
