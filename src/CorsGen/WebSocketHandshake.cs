using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CorsGen;

/// <summary>
/// WebSocket opening handshakes, which CORS does not cover: a browser sends <c>Origin</c> with them but
/// opens the socket whatever the answer's headers say, so the server must check the origin itself
/// (cross-site WebSocket hijacking; RFC 6455, section 10.2). CorsGen's policies do, on their routes
/// (<c>WithCors</c> groups, endpoint classes) and under the app-wide policy.
/// </summary>
internal static class WebSocketHandshake
{
    /// <summary>
    /// Whether the request asks to become a WebSocket: HTTP/1.1 <c>Upgrade: websocket</c> on any line, in
    /// any case (RFC 6455, section 4.1), or an extended CONNECT with <c>:protocol</c> websocket (RFC 8441,
    /// HTTP/2 and HTTP/3). Errs towards "yes": the WebSocket middleware accepts a subset. Allocation-free.
    /// </summary>
    public static bool Is(HttpContext context)
    {
        var upgrade = context.Request.Headers.Upgrade;
        for (var i = 0; i < upgrade.Count; i++)
        {
            if (upgrade[i] is { } line && line.Contains("websocket", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        // An extended CONNECT is a CONNECT: the method test keeps the feature lookup off every other request.
        return HttpMethods.IsConnect(context.Request.Method)
            && context.Features.Get<IHttpExtendedConnectFeature>() is { IsExtendedConnect: true } connect
            && string.Equals(connect.Protocol, "websocket", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether <paramref name="origin"/> is the request's own origin, <c>scheme://host[:port]</c> as the
    /// request reached the app (behind a TLS-terminating proxy, after <c>UseForwardedHeaders()</c>):
    /// a page of the app itself, which needs no policy. ASCII case-insensitive, allocation-free.
    /// </summary>
    public static bool IsSameOrigin(HttpRequest request, string origin)
    {
        var scheme = request.Scheme;
        var host = request.Host.Value;
        return host is { Length: > 0 }
            && origin.Length == scheme.Length + 3 + host.Length
            && origin.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && origin.AsSpan(scheme.Length, 3).SequenceEqual("://")
            && origin.AsSpan(scheme.Length + 3).Equals(host, StringComparison.OrdinalIgnoreCase);
    }
}
