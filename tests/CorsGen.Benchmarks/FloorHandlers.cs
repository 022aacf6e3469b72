using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CorsGen.Benchmarks;

/// <summary>
/// The floor: a hand-written static handler that reads the request headers it needs and writes the
/// same precomputed response headers CorsGen writes, with no decision logic at all.
/// </summary>
public static class FloorHandlers
{
    private static readonly StringValues PreflightVary = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";
    private static readonly StringValues VaryOrigin = "Origin";
    private static readonly StringValues AnyOrigin = "*";
    private static readonly StringValues AllowMethods = "POST";
    private static readonly StringValues AllowHeaders = "x-h01, x-h02, x-h03";

    public static RequestDelegate For(Scenario scenario) => scenario.Floor switch
    {
        FloorKind.PreflightAllowed when scenario.AnyOrigin => PreflightAnyOrigin,
        FloorKind.PreflightAllowed when scenario.EchoHeaders => PreflightEchoHeaders,
        FloorKind.PreflightAllowed => Preflight,
        FloorKind.PreflightRefused => PreflightRefused,
        FloorKind.ActualAllowed => ActualAllowed,
        _ => ActualRefused,
    };

    private static Task Preflight(HttpContext context)
    {
        var request = context.Request.Headers;
        var origin = request.Origin;
        _ = request.AccessControlRequestMethod;
        var requestHeaders = request.AccessControlRequestHeaders;
        var response = context.Response;
        var headers = response.Headers;
        response.StatusCode = 204;
        headers.Vary = PreflightVary;
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlAllowMethods = AllowMethods;
        if (requestHeaders.Count != 0)
        {
            headers.AccessControlAllowHeaders = AllowHeaders;
        }

        return Task.CompletedTask;
    }

    private static Task PreflightAnyOrigin(HttpContext context)
    {
        var request = context.Request.Headers;
        _ = request.Origin;
        _ = request.AccessControlRequestMethod;
        _ = request.AccessControlRequestHeaders;
        var response = context.Response;
        var headers = response.Headers;
        response.StatusCode = 204;
        headers.Vary = PreflightVary;
        headers.AccessControlAllowOrigin = AnyOrigin;
        headers.AccessControlAllowMethods = AllowMethods;
        return Task.CompletedTask;
    }

    private static Task PreflightEchoHeaders(HttpContext context)
    {
        var request = context.Request.Headers;
        var origin = request.Origin;
        _ = request.AccessControlRequestMethod;
        var requestHeaders = request.AccessControlRequestHeaders;
        var response = context.Response;
        var headers = response.Headers;
        response.StatusCode = 204;
        headers.Vary = PreflightVary;
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlAllowMethods = AllowMethods;
        headers.AccessControlAllowHeaders = requestHeaders;
        return Task.CompletedTask;
    }

    private static Task PreflightRefused(HttpContext context)
    {
        var request = context.Request.Headers;
        _ = request.Origin;
        _ = request.AccessControlRequestMethod;
        _ = request.AccessControlRequestHeaders;
        context.Response.StatusCode = 403;
        context.Response.Headers.Vary = PreflightVary;
        return Task.CompletedTask;
    }

    private static Task ActualAllowed(HttpContext context)
    {
        var origin = context.Request.Headers.Origin;
        var headers = context.Response.Headers;
        headers.Vary = VaryOrigin;
        headers.AccessControlAllowOrigin = origin;
        return Task.CompletedTask;
    }

    private static Task ActualRefused(HttpContext context)
    {
        _ = context.Request.Headers.Origin;
        context.Response.Headers.Vary = VaryOrigin;
        return Task.CompletedTask;
    }
}
