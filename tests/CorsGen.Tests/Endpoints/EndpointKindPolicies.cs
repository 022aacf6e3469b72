namespace CorsGen.Tests.Endpoints;

/// <summary>
/// The hub's policy: credentials (the JavaScript client sends cookies by default) and the two headers
/// @microsoft/signalr adds to its negotiate, long-polling and Server-Sent Events requests.
/// </summary>
[CorsPolicy]
[AllowOrigins(TestOrigins.App)]
[AllowCredentials]
[AllowHeaders("X-Requested-With", "X-SignalR-User-Agent")]
public static partial class ChatPolicy;

/// <summary>Razor Pages and the fallback: fragments loaded by htmx, which sends <c>HX-Request</c>.</summary>
[CorsPolicy]
[AllowOrigins(TestOrigins.App)]
[AllowHeaders("HX-Request")]
public static partial class SitePolicy;

/// <summary>The app-wide policy of the endpoint-kind app: static files for the partner site.</summary>
[CorsPolicy]
[AllowOrigins(TestOrigins.Other)]
[AllowHeaders("X-Asset-Version")]
public static partial class AssetsPolicy;
