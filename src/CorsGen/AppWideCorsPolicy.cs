using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace CorsGen;

/// <summary>
/// The app-wide policy of <c>UseCorsGen(policy)</c>: answers what no more specific CorsGen policy
/// covers. A preflight that routing sends to no endpoint of its own (an unmapped path, routing's 405)
/// is answered here, unless a route with <see cref="DisableCorsAttribute"/> would take the requested
/// method at that path: a route that opts out of CORS never receives a preflighted request.
/// </summary>
internal sealed class AppWideCorsPolicy(CorsEndpointPolicy policy, EndpointDataSource? endpoints)
{
    /// <summary>The bound policy.</summary>
    public CorsEndpointPolicy Policy => policy;

    /// <summary>
    /// Whether <paramref name="metadata"/> (null: no endpoint) leaves the request to the app-wide policy:
    /// no CorsGen policy of its own, not a CorsGen preflight route, not <see cref="DisableCorsAttribute"/>.
    /// </summary>
    public static bool Covers(EndpointMetadataCollection? metadata) =>
        metadata is null
        || (metadata.GetMetadata<CorsEndpointPolicy>() is null
            && metadata.GetMetadata<CorsPreflightMetadata>() is null
            && metadata.GetMetadata<DisableCorsAttribute>() is null);

    // Built at the first preflight, when every route is mapped; most apps have none.
    private DisabledRoute[]? _disabledRoutes;

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        if (!Covers(metadata))
        {
            // A CorsGen route (its policy's headers written early, as UseCorsGen() does), a CorsGen preflight
            // route, which answers for its own policy, or a disabled route, which opts out of CORS.
            metadata!.GetMetadata<CorsEndpointPolicy>()?.WriteResponseHeadersOnStartingFromMiddleware(context);
            return next(context);
        }

        if (WebSocketHandshake.Is(context))
        {
            // Not a CORS request: the origin decides whether the socket opens at all, and a 101 needs no CORS headers.
            return policy.AllowsWebSocket(context) ? next(context) : Task.CompletedTask;
        }

        var headers = context.Request.Headers;
        var requestMethod = headers.AccessControlRequestMethod;
        if (CorsEndpointPolicy.IsPreflightRequest(context.Request))
        {
            // A preflight: answered here, never passed on.
            if (IsForDisabledRoute(context.Request.Path, requestMethod))
            {
                policy.Refuse(context, CorsRefusal.DisabledRoute, "a route at the path with [DisableCors] takes the requested method");
            }
            else
            {
                policy.AnswerPreflightRequest(context, headers.Origin, requestMethod);
            }

            return Task.CompletedTask;
        }

        policy.WriteResponseHeadersOnStarting(context);
        return next(context);
    }

    private bool IsForDisabledRoute(PathString path, StringValues requestMethod)
    {
        var method = requestMethod.ToString();
        foreach (var route in _disabledRoutes ??= FindDisabledRoutes(endpoints))
        {
            if (TakesMethod(route.Methods, method) && MayMatch(route.Pattern, path.Value))
            {
                return true;
            }
        }

        return false;
    }

    // As routing compares methods: case-insensitively; no method metadata takes every method.
    private static bool TakesMethod(IReadOnlyList<string> methods, string method)
    {
        if (methods.Count == 0)
        {
            return true;
        }

        for (var i = 0; i < methods.Count; i++)
        {
            if (HttpMethods.Equals(methods[i], method))
            {
                return true;
            }
        }

        return false;
    }

    private static DisabledRoute[] FindDisabledRoutes(EndpointDataSource? endpoints) =>
        endpoints?.Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<DisableCorsAttribute>() is not null)
            .Select(e => new DisabledRoute(e.RoutePattern, e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
            .ToArray()
        ?? [];

    /// <summary>Finds the app's routes: the composite data source routing registers.</summary>
    public static EndpointDataSource? FindEndpoints(IServiceProvider services) => services.GetService<EndpointDataSource>();

    /// <summary>
    /// Whether <paramref name="path"/> may match <paramref name="pattern"/>, allocation-free: literal
    /// segments compared ASCII case-insensitively as routing does, a parameter takes any segment, a
    /// catch-all the rest, optional parameters may be absent. Constraints and complex segments are not
    /// checked, so this errs towards "matches": a refusal too many, never a preflight let through.
    /// </summary>
    internal static bool MayMatch(RoutePattern pattern, ReadOnlySpan<char> path)
    {
        var rest = path.TrimStart('/');
        var segments = pattern.PathSegments;
        for (var i = 0; i < segments.Count; i++) // by index: foreach over the interface allocates an enumerator
        {
            var segment = segments[i];
            if (segment.Parts is [RoutePatternParameterPart { IsCatchAll: true }])
            {
                return true;
            }

            if (rest.IsEmpty)
            {
                if (segment.Parts is [RoutePatternParameterPart { IsOptional: true } or RoutePatternParameterPart { Default: not null }])
                {
                    continue;
                }

                return false;
            }

            var end = rest.IndexOf('/');
            var value = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (segment.Parts is [RoutePatternLiteralPart literal] && !value.Equals(literal.Content, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return rest.IsEmpty;
    }

    private sealed record DisabledRoute(RoutePattern Pattern, IReadOnlyList<string> Methods);
}

/// <summary>The app-wide policy of <c>UseCorsGen(policy)</c>, for services that need it (.NET 11's CSRF protection).</summary>
internal sealed class AppWideCorsPolicyRegistry
{
    /// <summary>Set once by <c>UseCorsGen(policy)</c> while the pipeline is built; <see langword="null"/> without one.</summary>
    public AppWideCorsPolicy? Policy { get; set; }
}
