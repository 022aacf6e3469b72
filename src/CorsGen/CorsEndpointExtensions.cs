using CorsGen;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Applies a <see cref="CompiledCorsPolicy"/> to hand-mapped routes and route groups.</summary>
public static class CorsEndpointExtensions
{
    /// <summary>
    /// Applies <paramref name="policy"/> to every route of <paramref name="group"/>, mapped before or
    /// after this call, nested groups included: actual responses get the CORS headers, and each route
    /// pattern gets an <c>OPTIONS</c> preflight endpoint (anonymous, excluded from OpenAPI) that allows
    /// the methods mapped at that pattern unless the policy lists them. A route whose handler or metadata
    /// carries <see cref="DisableCorsAttribute"/> is left alone, and so is a route that already has a
    /// CorsGen policy (an endpoint class's own, or an inner <c>WithCors</c> group's): the most specific
    /// policy wins.
    /// </summary>
    /// <param name="group">The route group, e.g. <c>app.MapGroup("/api")</c>.</param>
    /// <param name="policy">A compiled policy, e.g. <c>PartnerApi.Policy</c> of a <see cref="CorsPolicyAttribute"/> class.</param>
    /// <returns><paramref name="group"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A configured origin of the policy is not a serialized origin.</exception>
    public static RouteGroupBuilder WithCors(this RouteGroupBuilder group, CompiledCorsPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(policy);
        var endpoints = (IEndpointRouteBuilder)group;
        // Bound once here so a bad configured origin fails at start-up, not at the first request.
        var actual = policy.CreateEndpointPolicy(endpoints.ServiceProvider);
        var preflights = new CorsPreflightDataSource(endpoints, actual);
        CorsEndpointPolicy? anyMethod = null;
        // A finally-convention: it sees the routes' own metadata ([DisableCors]) and wraps their final delegate.
        ((IEndpointConventionBuilder)group).Finally(builder =>
        {
            if (!CorsPreflightDataSource.IsPreflightEndpoint(builder)
                && !CorsPreflightDataSource.IsCorsDisabled(builder)
                && !CorsPreflightDataSource.HasOtherPolicy(builder.Metadata, actual))
            {
                actual.AddResponseHeaders(builder);
                if (CorsPreflightDataSource.IsFallback(builder))
                {
                    (anyMethod ??= actual.ForMappedMethods([], mapsAnyMethod: true)).AnswerPreflights(builder);
                }
            }
        });
        endpoints.DataSources.Add(preflights);
        return group;
    }

    /// <summary>
    /// A route group (without prefix) under <paramref name="endpoints"/> with <paramref name="policy"/>
    /// applied, so one fluent call gives a hand-mapped route its CORS headers and its preflight route:
    /// <c>app.WithCors(PartnerApi.Policy).MapPost("/orders", CreateOrder)</c>, and likewise
    /// <c>app.WithCors(Chat.Policy).MapHub&lt;ChatHub&gt;("/chat")</c>, <c>app.WithCors(Site.Policy).MapRazorPages()</c>
    /// or <c>app.WithCors(Site.Policy).MapFallbackToFile("index.html")</c>. It comes before the <c>Map</c> call
    /// because the builders those calls return cannot add the preflight routes.
    /// </summary>
    /// <param name="endpoints">The application or an outer route builder.</param>
    /// <param name="policy">A compiled policy.</param>
    /// <returns>The new group; routes mapped on it get the policy.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A configured origin of the policy is not a serialized origin.</exception>
    public static RouteGroupBuilder WithCors(this IEndpointRouteBuilder endpoints, CompiledCorsPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGroup(string.Empty).WithCors(policy);
    }
}
