using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CorsGen.Benchmarks;

/// <summary>
/// The floor: a hand-written handler that reads the request headers it needs and writes the same
/// precomputed response header values CorsGen writes (taken from CorsGen's answer to the scenario,
/// so both pay the same per-value cost, e.g. Kestrel's character validation), with no decision logic.
/// </summary>
public static class FloorHandlers
{
    private static readonly StringValues AnyOrigin = "*";

    // CORSGEN_FLOOR_ONSTARTING=1: the actual-request floors write from an OnStarting callback, as CorsGen
    // and ASP.NET Core do, which splits the actual-path gap into the callback and everything else.
    private static readonly bool ActualFromOnStarting = Environment.GetEnvironmentVariable("CORSGEN_FLOOR_ONSTARTING") == "1";

    /// <param name="scenario">The request shape.</param>
    /// <param name="corsGenAnswer">The response headers CorsGen wrote for it.</param>
    public static RequestDelegate For(Scenario scenario, IHeaderDictionary corsGenAnswer)
    {
        // Copies: the benchmark clears the response between calls.
        var vary = new StringValues(corsGenAnswer.Vary.ToArray());
        var allowMethods = new StringValues(corsGenAnswer.AccessControlAllowMethods.ToArray());
        var allowHeaders = new StringValues(corsGenAnswer.AccessControlAllowHeaders.ToArray());
        return scenario.Floor switch
        {
            FloorKind.PreflightAllowed when scenario.AnyOrigin => context => PreflightAnyOrigin(context, vary, allowMethods),
            FloorKind.PreflightAllowed when scenario.EchoHeaders => context => PreflightEchoHeaders(context, vary, allowMethods),
            FloorKind.PreflightAllowed => context => Preflight(context, vary, allowMethods, allowHeaders),
            FloorKind.PreflightRefused => context => PreflightRefused(context, vary),
            FloorKind.ActualAllowed when ActualFromOnStarting => OnStarting(state => ActualAllowed((HttpContext)state, vary)),
            FloorKind.ActualAllowed => context => ActualAllowed(context, vary),
            _ when ActualFromOnStarting => OnStarting(state => ActualRefused((HttpContext)state, vary)),
            _ => context => ActualRefused(context, vary),
        };
    }

    // One callback per handler, registered with the context as its state: nothing allocated per call.
    private static RequestDelegate OnStarting(Func<object, Task> write) => context =>
    {
        context.Response.OnStarting(write, context);
        return Task.CompletedTask;
    };

    private static Task Preflight(HttpContext context, StringValues vary, StringValues allowMethods, StringValues allowHeaders)
    {
        var request = context.Request.Headers;
        var origin = request.Origin;
        _ = request.AccessControlRequestMethod;
        var requestHeaders = request.AccessControlRequestHeaders;
        var response = context.Response;
        var headers = response.Headers;
        response.StatusCode = 204;
        headers.Vary = vary;
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlAllowMethods = allowMethods;
        if (requestHeaders.Count != 0)
        {
            headers.AccessControlAllowHeaders = allowHeaders;
        }

        return Task.CompletedTask;
    }

    private static Task PreflightAnyOrigin(HttpContext context, StringValues vary, StringValues allowMethods)
    {
        var request = context.Request.Headers;
        _ = request.Origin;
        _ = request.AccessControlRequestMethod;
        _ = request.AccessControlRequestHeaders;
        var response = context.Response;
        var headers = response.Headers;
        response.StatusCode = 204;
        headers.Vary = vary;
        headers.AccessControlAllowOrigin = AnyOrigin;
        headers.AccessControlAllowMethods = allowMethods;
        return Task.CompletedTask;
    }

    private static Task PreflightEchoHeaders(HttpContext context, StringValues vary, StringValues allowMethods)
    {
        var request = context.Request.Headers;
        var origin = request.Origin;
        _ = request.AccessControlRequestMethod;
        var requestHeaders = request.AccessControlRequestHeaders;
        var response = context.Response;
        var headers = response.Headers;
        response.StatusCode = 204;
        headers.Vary = vary;
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlAllowMethods = allowMethods;
        headers.AccessControlAllowHeaders = requestHeaders;
        return Task.CompletedTask;
    }

    private static Task PreflightRefused(HttpContext context, StringValues vary)
    {
        var request = context.Request.Headers;
        _ = request.Origin;
        _ = request.AccessControlRequestMethod;
        _ = request.AccessControlRequestHeaders;
        context.Response.StatusCode = 403;
        context.Response.Headers.Vary = vary;
        return Task.CompletedTask;
    }

    private static Task ActualAllowed(HttpContext context, StringValues vary)
    {
        var origin = context.Request.Headers.Origin;
        var headers = context.Response.Headers;
        headers.Vary = vary;
        headers.AccessControlAllowOrigin = origin;
        return Task.CompletedTask;
    }

    private static Task ActualRefused(HttpContext context, StringValues vary)
    {
        _ = context.Request.Headers.Origin;
        context.Response.Headers.Vary = vary;
        return Task.CompletedTask;
    }
}
