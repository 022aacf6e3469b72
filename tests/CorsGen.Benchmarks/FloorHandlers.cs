using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CorsGen.Benchmarks;

/// <summary>
/// The floor: a hand-written handler that reads the request headers it needs and writes the same
/// precomputed response header values CorsGen writes (taken from CorsGen's answer to the scenario,
/// so both pay the same per-value cost, e.g. Kestrel's character validation), with only the work any
/// correct implementation must do (issue 21's restated floors):
/// <list type="bullet">
/// <item>actual requests write their headers from an <c>OnStarting</c> callback (one delegate, the
/// context as state), so they survive an exception handler's <c>Response.Clear()</c>;</item>
/// <item>a listed-header preflight tokenizes <c>Access-Control-Request-Headers</c> and makes one
/// case-insensitive set lookup per name (a frozen set of the policy's names, looked up by span).</item>
/// </list>
/// </summary>
public static class FloorHandlers
{
    private static readonly StringValues AnyOrigin = "*";

    // CORSGEN_FLOOR_PRIVATE_NETWORK=1: allowed-preflight floors also read Access-Control-Request-Private-Network,
    // as every CorsGen preflight answer does (a header Kestrel does not know by name), to size that part of the gap.
    private static readonly bool ReadPrivateNetwork = Environment.GetEnvironmentVariable("CORSGEN_FLOOR_PRIVATE_NETWORK") == "1";

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
            FloorKind.PreflightAllowed when allowHeaders.Count != 0 => ListedHeaders(vary, allowMethods, allowHeaders),
            FloorKind.PreflightAllowed => context => Preflight(context, vary, allowMethods, allowHeaders),
            FloorKind.PreflightRefused => context => PreflightRefused(context, vary),
            FloorKind.ActualAllowed => OnStarting(state => ActualAllowed((HttpContext)state, vary)),
            _ => OnStarting(state => ActualRefused((HttpContext)state, vary)),
        };
    }

    // One callback per handler, registered with the context as its state: nothing allocated per call.
    private static RequestDelegate OnStarting(Func<object, Task> write) => context =>
    {
        context.Response.OnStarting(write, context);
        return Task.CompletedTask;
    };

    // The policy's names are the ones CorsGen answered with; a name outside them refuses (403), as CorsGen does.
    private static RequestDelegate ListedHeaders(StringValues vary, StringValues allowMethods, StringValues allowHeaders)
    {
        var names = allowHeaders.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        return context => PreflightListedHeaders(context, vary, allowMethods, allowHeaders, names);
    }

    private static Task PreflightListedHeaders(
        HttpContext context, StringValues vary, StringValues allowMethods, StringValues allowHeaders, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> names)
    {
        var request = context.Request.Headers;
        var origin = request.Origin;
        _ = request.AccessControlRequestMethod;
        var requestHeaders = request.AccessControlRequestHeaders;
        if (ReadPrivateNetwork)
        {
            _ = request["Access-Control-Request-Private-Network"];
        }

        var response = context.Response;
        if (requestHeaders.Count != 0 && !AllListed(requestHeaders, names))
        {
            response.StatusCode = 403;
            response.Headers.Vary = vary;
            return Task.CompletedTask;
        }

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

    // The minimal check: split each line on commas, trim optional whitespace, skip empty elements, one lookup a name.
    private static bool AllListed(StringValues lines, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> names)
    {
        foreach (var line in lines)
        {
            var rest = line.AsSpan();
            while (!rest.IsEmpty)
            {
                var comma = rest.IndexOf(',');
                var element = (comma < 0 ? rest : rest[..comma]).Trim(" \t");
                rest = comma < 0 ? default : rest[(comma + 1)..];
                if (!element.IsEmpty && !names.Contains(element))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static Task Preflight(HttpContext context, StringValues vary, StringValues allowMethods, StringValues allowHeaders)
    {
        var request = context.Request.Headers;
        var origin = request.Origin;
        _ = request.AccessControlRequestMethod;
        var requestHeaders = request.AccessControlRequestHeaders;
        if (ReadPrivateNetwork)
        {
            _ = request["Access-Control-Request-Private-Network"];
        }

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
        if (ReadPrivateNetwork)
        {
            _ = request["Access-Control-Request-Private-Network"];
        }

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
        if (ReadPrivateNetwork)
        {
            _ = request["Access-Control-Request-Private-Network"];
        }

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
