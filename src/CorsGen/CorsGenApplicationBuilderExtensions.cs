using CorsGen;
using CorsGen.Shared;
using Microsoft.AspNetCore.Http;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The optional CorsGen middleware, and the app-wide policy.</summary>
public static class CorsGenApplicationBuilderExtensions
{
    /// <summary>
    /// Writes the CORS headers of actual responses also when later middleware answers before the
    /// endpoint runs: a 401 or 403 from <c>UseAuthorization()</c>, a 429 from a rate limiter. Without
    /// it such responses carry no CORS headers, and a browser script sees a network error instead of the
    /// status. Optional: CorsGen needs no middleware otherwise. Place it after <c>UseRouting()</c> and
    /// before <c>UseAuthentication()</c>/<c>UseAuthorization()</c>, as ASP.NET Core's <c>UseCors()</c>.
    /// Preflights are unaffected (CorsGen's preflight routes are anonymous). Allocates nothing per request.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns><paramref name="app"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="app"/> is <see langword="null"/>.</exception>
    /// <remarks>See <see href="https://fetch.spec.whatwg.org/#http-responses">Fetch, "HTTP responses"</see>.</remarks>
    public static IApplicationBuilder UseCorsGen(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(static (context, next) =>
        {
            context.GetEndpoint()?.Metadata.GetMetadata<CorsEndpointPolicy>()?.WriteResponseHeadersOnStartingFromMiddleware(context);

            return next(context);
        });
    }

    /// <summary>
    /// The app-wide policy, CorsGen's form of <c>UseCors(policy)</c>, <c>app.use(cors())</c> or
    /// <c>CORS(app)</c>: <paramref name="policy"/> answers every CORS-preflight request and gives its
    /// actual-response headers to every response that no more specific CorsGen policy covers: 404s of
    /// unmapped paths, routing's 405 and 415, routes that are not CorsGen routes, static files and
    /// fallbacks behind it. An endpoint class's policy or a <c>WithCors</c> group's still wins on its
    /// routes and their preflights (this also does what <see cref="UseCorsGen(IApplicationBuilder)"/>
    /// does for them), and a route with CorsGen's <see cref="DisableCorsAttribute"/> gets nothing, not even a preflight for its method.
    /// A WebSocket opening handshake it covers (a hub mapped without <c>WithCors</c>, say), which CORS does
    /// not cover, is refused with 403 when its <c>Origin</c> is present and neither the request's own
    /// origin nor one the policy allows (cross-site WebSocket hijacking).
    /// Without <see cref="AllowMethodsAttribute"/> on the policy, preflights may ask for the
    /// CORS-safelisted methods GET, HEAD and POST only (write <c>[AllowMethods("*")]</c> for
    /// <c>AllowAnyMethod()</c>). Place it after <c>UseRouting()</c> (implicit in minimal hosting) and
    /// before <c>UseStaticFiles()</c>, <c>UseAuthentication()</c> and <c>UseAuthorization()</c>, as
    /// ASP.NET Core's <c>UseCors()</c>. Allocates nothing per request, except to match the patterns
    /// of <see cref="DisableCorsAttribute"/> routes for a preflight that no route answers.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="policy">A compiled policy, e.g. <c>AppCors.Policy</c> of a <see cref="CorsPolicyAttribute"/> class.</param>
    /// <returns><paramref name="app"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A configured origin of the policy is not a serialized origin; the message names the key and the value.</exception>
    /// <remarks>See <see href="https://fetch.spec.whatwg.org/#http-cors-protocol">Fetch, "CORS protocol"</see>.</remarks>
    public static IApplicationBuilder UseCorsGen(this IApplicationBuilder app, CompiledCorsPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(policy);
        // Bound once here so a bad configured origin fails at start-up, not at the first request. Knowing no
        // route's methods, without [AllowMethods] it offers what browsers pass unlisted anyway: the safelisted ones.
        var appPolicy = policy.CreateEndpointPolicy(app.ApplicationServices, CorsRules.SafelistedMethods);
        var appWide = new AppWideCorsPolicy(appPolicy, AppWideCorsPolicy.FindEndpoints(app.ApplicationServices));
        // With AddCorsGen(), .NET 11's cross-origin (CSRF) protection trusts it as it trusts a default CORS policy.
        if (app.ApplicationServices.GetService(typeof(AppWideCorsPolicyRegistry)) is AppWideCorsPolicyRegistry registry)
        {
            registry.Policy = appWide;
        }

        return app.Use(appWide.InvokeAsync);
    }
}
