using CorsGen.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Primitives;

namespace CorsGen;

/// <summary>
/// The preflight endpoints of a route group with a policy: one per route pattern found among the
/// group's other endpoints, built when routing builds the group (so routes mapped after
/// <c>WithCors</c> count too).
/// </summary>
internal sealed class CorsPreflightDataSource(IEndpointRouteBuilder group, CorsEndpointPolicy policy) : EndpointDataSource
{
    private static readonly string[] OptionsMethod = ["OPTIONS"];
    private static readonly string[] AnyMethodPreflight = ["*", "OPTIONS"];

    public override IReadOnlyList<Endpoint> Endpoints => GetGroupedEndpoints(new RouteGroupContext
    {
        Prefix = RoutePatternFactory.Parse(string.Empty),
        ApplicationServices = group.ServiceProvider,
    });

    public override IChangeToken GetChangeToken() => Microsoft.Extensions.FileProviders.NullChangeToken.Singleton;

    public override IReadOnlyList<Endpoint> GetGroupedEndpoints(RouteGroupContext context)
    {
        var routes = new List<RouteEndpoint>();
        foreach (var source in group.DataSources.ToArray())
        {
            if (source is CorsPreflightDataSource)
            {
                continue;
            }

            foreach (var endpoint in source.GetGroupedEndpoints(context))
            {
                if (endpoint is RouteEndpoint route
                    && !IsFallback(route.Order, route.Metadata)
                    && route.Metadata.GetMetadata<CorsPreflightMetadata>() is null
                    && route.Metadata.GetMetadata<DisableCorsAttribute>() is null
                    && !HasOtherPolicy(route.Metadata, policy))
                {
                    routes.Add(route);
                }
            }
        }

        var preflights = new List<Endpoint>();
        foreach (var pattern in routes.GroupBy(r => PatternKey(r.RoutePattern), StringComparer.Ordinal))
        {
            var methods = pattern.SelectMany(Methods).Distinct(StringComparer.Ordinal).ToList();
            var userOptions = pattern.FirstOrDefault(r => Methods(r).Contains("OPTIONS", StringComparer.Ordinal));
            // endpoints.Map(pattern, handler): no method metadata, so the route takes every method, OPTIONS included.
            var anyMethodRoute = pattern.FirstOrDefault(r => !Methods(r).Any());
            var endpointPolicy = policy.ForMappedMethods(methods, mapsAnyMethod: anyMethodRoute is not null);
            preflights.Add(BuildPreflight(context, pattern.First().RoutePattern, endpointPolicy, methods, userOptions ?? anyMethodRoute, anyMethodRoute is not null));
        }

        return preflights;
    }

    /// <summary>
    /// Whether the route is a fallback (<c>MapFallback</c>, <c>MapFallbackToFile</c>, ...): any method, at
    /// <see cref="int.MaxValue"/>, the order preflight routes of any-method routes take. A preflight route
    /// would then win even the fallback's own requests (routing prefers an endpoint with method metadata
    /// at equal order), so a fallback answers its preflights itself (<see cref="CorsEndpointPolicy.AnswerPreflights"/>).
    /// </summary>
    internal static bool IsFallback(EndpointBuilder builder) =>
        builder is RouteEndpointBuilder route && IsFallback(route.Order, builder.Metadata);

    private static bool IsFallback(int order, IEnumerable<object> metadata) =>
        order == int.MaxValue && !metadata.Any(m => m is IHttpMethodMetadata);

    internal static bool IsPreflightEndpoint(EndpointBuilder builder) => builder.Metadata.Any(m => m is CorsPreflightMetadata);

    /// <summary>
    /// Whether the endpoint already has a CorsGen policy other than <paramref name="groupPolicy"/>: an
    /// endpoint class's own, or an inner group's. The most specific policy wins, as endpoint metadata
    /// wins over a group's in ASP.NET Core; two policies on one response would allow the union of both.
    /// </summary>
    internal static bool HasOtherPolicy(IEnumerable<object> metadata, CorsEndpointPolicy groupPolicy)
    {
        foreach (var item in metadata)
        {
            if (item is CorsEndpointPolicy policy && !ReferenceEquals(policy, groupPolicy))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsCorsDisabled(EndpointBuilder builder) => builder.Metadata.Any(m => m is DisableCorsAttribute);

    private static Endpoint BuildPreflight(
        RouteGroupContext context, RoutePattern pattern, CorsEndpointPolicy endpointPolicy, List<string> methods, RouteEndpoint? optionsHandler, bool anyMethod)
    {
        var allow = new StringValues(string.Join(", ", methods));
        var next = endpointPolicy.PreflightContinue ? optionsHandler?.RequestDelegate : null;
        RequestDelegate answer = httpContext => Answer(httpContext, endpointPolicy, allow, next);
        var builder = new RouteEndpointBuilder(answer, pattern, optionsHandler is null ? 0 : int.MaxValue)
        {
            DisplayName = "CORS preflight " + pattern.RawText,
            ApplicationServices = context.ApplicationServices,
        };
        builder.Metadata.Add(CorsPreflightMetadata.Instance);
        foreach (var convention in context.Conventions)
        {
            convention(builder);
        }

        // After the group's conventions, so they win over RequireAuthorization or an HTTP method filter:
        // a preflight never carries credentials (https://fetch.spec.whatwg.org/#cors-preflight-fetch).
        builder.Metadata.Add(
            optionsHandler is null ? new HttpMethodMetadata(OptionsMethod)
            // An any-method route takes plain OPTIONS; preflights, whatever their method, come here. "*" is routing's
            // own any-method key: listed, it makes this endpoint the exit of HttpMethodMatcherPolicy's preflight table
            // (every requested method), which routing only builds when one real method is listed too (OPTIONS).
            // On every non-preflight edge the route itself comes first, by order.
            : anyMethod ? new HttpMethodMetadata(AnyMethodPreflight, acceptCorsPreflight: true)
            // The group maps OPTIONS here itself: take only real preflights, through routing's CORS-preflight edge.
            : new HttpMethodMetadata(methods.Where(m => m != "OPTIONS").ToArray(), acceptCorsPreflight: true));
        builder.Metadata.Add(new AllowAnonymousAttribute());
        builder.Metadata.Add(new ExcludeFromDescriptionAttribute());
        foreach (var convention in context.FinallyConventions)
        {
            convention(builder);
        }

        return builder.Build();
    }

    private static Task Answer(HttpContext context, CorsEndpointPolicy policy, StringValues allow, RequestDelegate? next)
    {
        var headers = context.Request.Headers;
        var origin = headers.Origin;
        var requestMethod = headers.AccessControlRequestMethod;
        if (origin.Count == 0 || StringValues.IsNullOrEmpty(requestMethod))
        {
            // Not a preflight (https://fetch.spec.whatwg.org/#cors-preflight-request).
            context.Response.StatusCode = 405;
            context.Response.Headers.Allow = allow;
            return Task.CompletedTask;
        }

        return policy.AnswerPreflightRequest(context, origin, requestMethod) && next is not null
            ? CorsEndpointPolicy.ContinuePreflight(context, next)
            : Task.CompletedTask;
    }

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];

    // Templates that match the same paths share a preflight: the generator's key, from the parsed pattern. A parameter
    // with a required value matches that value only: MVC's conventional routes ({controller}/{action}) make one
    // endpoint per action from one template, each with its own controller and action, and each gets its own preflight.
    internal static string PatternKey(RoutePattern pattern) =>
        RoutePatternKey.Join(pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => RoutePatternKey.Literal(literal.Content),
            RoutePatternSeparatorPart separator => RoutePatternKey.Literal(separator.Content),
            RoutePatternParameterPart parameter when RequiredValue(pattern, parameter.Name) is { } value => RoutePatternKey.Parameter + RoutePatternKey.Literal("=" + value),
            _ => RoutePatternKey.Parameter,
        }))));

    // The value a parameter must have (RoutePattern.RequiredValueAny, "any non-empty value", is not one).
    private static string? RequiredValue(RoutePattern pattern, string name) =>
        pattern.RequiredValues.TryGetValue(name, out var value) && value is string text && !ReferenceEquals(value, RoutePattern.RequiredValueAny) ? text : null;
}
